import type { ConversationTopic } from "./conversations.schemas.ts";

/**
 * The agenda Trellis ships for a career conversation, written from the questions such a meeting
 * covers. Admins edit it, or add templates of their own, at /admin/conversation-templates.
 */
export const defaultTemplate = {
  name: "Career conversation",
  description:
    "A conversation about where the member wants to go and how to get there. The member leads; the manager listens, asks, and offers support.",
  topics: [
    {
      key: "aspirations",
      title: "Aspirations",
      prompt:
        "Where would you like to be in one year, and in three? What kind of work do you want more of? Is there a role, a team or a skill you are curious about?",
    },
    {
      key: "energy",
      title: "What energizes and drains you",
      prompt:
        "Which recent work gave you energy, and which took it away? What does the energy journal in your growth plan show?",
    },
    {
      key: "strengths",
      title: "Strengths",
      prompt:
        "What do you do well that others rely on you for? Where have you had the most impact lately?",
    },
    {
      key: "skills",
      title: "Skills to grow",
      prompt:
        "Which skills or behaviors would make the biggest difference next? What did your self-assessment and feedback point to?",
    },
    {
      key: "target-roles",
      title: "Target roles",
      prompt:
        "Which roles could come next: up in your job family, across to another team, or into another department? What would readiness look like?",
    },
    {
      key: "support",
      title: "Support needed",
      prompt:
        "What would help: time for learning, a mentor, a stretch project, a course, a shadow program, the growth and development benefit?",
    },
    {
      key: "next-steps",
      title: "Next steps",
      prompt:
        "What will each of us do before the next conversation? Agree on action items with owners and dates, and on when to meet again.",
    },
  ] satisfies ConversationTopic[],
} as const;
