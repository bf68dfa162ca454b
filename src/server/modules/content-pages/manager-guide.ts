/**
 * The manager guide Trellis ships: guidance for the career conversations a manager holds with
 * each report, and for what comes between them. Admins replace it at /admin/manager-guide; until
 * then this text is the page (version 0).
 */
export const managerGuideKey = "manager-guide";

export const shippedManagerGuide = {
  title: "Manager guide: career conversations",
  body: `Guiding, supporting and advocating for the people on your team is part of your job as their manager. A career conversation is where that starts: at least twice a year, and first after a new team member's first 90 days. This page says how to prepare, how to run the conversation, how to support learning between conversations and how to advocate for your report.

## Before the conversation

- **Schedule it early** and give it a full slot, in a quiet place or with cameras on. Don't fold it into a status meeting.
- **Read what your report shares with you:** their growth plan, their latest self-assessment and gap analysis, their pathway progress this quarter and open action items from your last conversation. The conversation page links them.
- **Look at the agenda together.** The default agenda covers aspirations, what energizes and drains, strengths, skills to grow, target roles, support needed and next steps. Either of you can change it before you meet.
- **Bring examples,** not verdicts: recent work you saw, feedback you heard, opportunities you know of.
- **Write down your own thoughts** in your private note. No one else ever sees it, your report and administrators included.

## During the conversation

- **The member leads.** It is their career. Let them speak first on each topic; your job is to understand where they want to go.
- **Listen more than you talk.** Summarise what you heard ("so what you'd like more of is…") and check that you got it right.
- **Ask open questions:** "What did you enjoy most this quarter?", "What would you like to be doing a year from now?", "What gets in your way?" Avoid questions that can be answered yes or no.
- **Be honest about what you see,** with specific examples, and about what you can and cannot promise.
- **Take shared notes together,** per agenda topic, so you both leave with the same record.
- **Agree on action items** with an owner (you or your report) and a due date for each. Your report can turn their own items into goals or action steps of their growth plan.
- **Agree on the next date** before you finish. Your report then confirms that the conversation happened and the notes are accurate; only then does it count as held.

## Supporting learning between conversations

- **Time:** protect time for learning in your report's week, and help them say no to work that would crowd it out.
- **The pathway:** follow their progress through the pathway's quarters and talk about what is next.
- **The learning hub:** point to courses and learning paths that fit the skills they want to grow.
- **Mentors:** help them find a mentor, a coach or someone to shadow, inside or outside the team; they can invite a mentor as a guest to a career conversation.
- **The growth and development benefit:** make sure they know about it and help them use it for courses, certifications or conferences that fit their plan.
- **Follow up** on your own action items first. Nothing says "I am on your side" more clearly than doing what you said you would.

## Advocating for your report

- **Make their work visible:** name their contributions in team updates, reviews and to other leaders.
- **Look for opportunities** that match their aspirations: stretch projects, interim roles, open positions, speaking or teaching.
- **Speak up for them** in calibration, promotion and compensation discussions, with the evidence from their plan and your notes.
- **Connect them** with people in the roles they aim for.
- **Tell them what you did,** and what came of it, at your next conversation.
`,
} as const;
