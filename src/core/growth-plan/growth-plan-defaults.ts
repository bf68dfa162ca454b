import type { ReflectionPrompt, TemplateContent, TemplateView } from "./templates.schemas.ts";

/**
 * What Trellis ships for growth plans: Section 1's reflection prompts and four starting
 * templates, after the examples and tips of the Individual Growth Plan guide
 * (content/handbook/individual-growth-plan-guide.md, adapted from the GitLab handbook, CC BY-SA 4.0).
 * Admins can edit both; plans copy what they start from, so later edits never change a plan.
 */

export const defaultReflectionPrompts: ReflectionPrompt[] = [
  {
    id: "energizes",
    text: "What energizes you?",
    help: "Think of moments at work when time flew. What were you doing, and with whom? Not sure? Keep the energy journal for a week and look back.",
  },
  {
    id: "drains",
    text: "What drains your energy?",
    help: "Which tasks, meetings or situations leave you tired or stuck? Naming them is the first step to changing them.",
  },
  {
    id: "strengths",
    text: "What are your strengths, and what do people come to you for?",
    help: "Assessments such as StrengthsFinder or Myers-Briggs can help, and so can asking your manager, a mentor or a peer.",
  },
  {
    id: "proud",
    text: "What have you done in the past year that you are most proud of?",
    help: "The accomplishment log keeps these wins in one place as the year goes on.",
  },
  {
    id: "direction",
    text: "Where do you want to grow next, and why does it matter to you?",
    help: "Growth is non-linear: deeper expertise, leading as an individual contributor, management and moves to another team are all paths.",
  },
];

/** Section 4's suggested rhythm; blank plans start with it too. */
export const standardSchedule: TemplateContent["schedule"] = [
  { cadence: "monthly", label: "Monthly reflection" },
  { cadence: "quarterly", label: "Quarterly review with my manager" },
  { cadence: "yearly", label: "Yearly reset" },
];

const growthBenefitTip =
  "If you cannot find what you need internally, the growth and development benefit can cover courses, certifications and university programs.";

type DefaultTemplate = Pick<TemplateView, "id" | "name" | "description"> & {
  content: TemplateContent;
};

export const defaultTemplates: DefaultTemplate[] = [
  {
    id: "ic-growing-in-role",
    name: "IC growing in your role",
    description:
      "Deepen your expertise and widen your impact as an individual contributor in the role you have today.",
    content: {
      role: {
        trajectory: "grow-in-role",
        targetRoles: [],
        timeFrame: "12 months",
        notes:
          "What does the next level of this role look like? Compare the role's expectations with what you do today and note the gaps you want to close.",
      },
      inspirationHint:
        "Look for the parts of your work that energize you: growing in your role is easier when you lean into them.",
      goals: [
        {
          skill: "Deepen a core technical or craft skill of my role",
          resources: `Pick one course or certification from the learning directory and one internal expert to learn from. ${growthBenefitTip}`,
          careerSupport:
            "Raises the quality and speed of my everyday work and makes me someone the team can rely on in this area.",
          actionSteps: [
            "Enroll in the course and block two hours of learning time every week",
            "Apply what I learn to one real project and ask for feedback on it",
          ],
          network: "Share a short write-up of what I learned with my team.",
          challenges:
            "Finding time between deliverables; I will agree the learning block with my manager.",
        },
        {
          skill: "Widen my impact beyond my own tasks",
          resources:
            "A peer or senior colleague who already does this well; my manager's view of where the team needs help.",
          careerSupport:
            "Shows readiness for the next level by improving how the team works, not only what I deliver.",
          actionSteps: ["Volunteer to own one team process or document this quarter"],
          network: "Present the improvement at a team meeting.",
          challenges:
            "Saying no to other work to make room; I will review priorities with my manager.",
        },
      ],
      resources: [],
      schedule: standardSchedule,
    },
  },
  {
    id: "aspiring-manager",
    name: "Aspiring manager (IC to manager)",
    description:
      "Explore whether people management is for you and build the skills before you take on a team.",
    content: {
      role: {
        trajectory: "become-manager",
        targetRoles: ["Manager"],
        timeFrame: "12–24 months",
        notes:
          "Why management? Write down what draws you to it and what you would miss from individual work. Talk it through with your manager.",
      },
      inspirationHint:
        "Managers spend much of their time on conversations, feedback and unblocking others. Does that energize or drain you?",
      goals: [
        {
          skill: "Coaching and giving feedback",
          resources:
            "A management fundamentals course from the learning directory; a mentor who manages a team.",
          careerSupport:
            "Feedback and coaching are the core of a manager's work; practising them now tests whether the role fits.",
          actionSteps: [
            "Join the mentorship program as a mentee with a people manager",
            "Mentor a newer team member through their first quarter",
          ],
          network: "Ask my mentor and mentee for feedback on how I coach.",
          challenges:
            "Feedback conversations feel uncomfortable at first; I will prepare them with my mentor.",
        },
        {
          skill: "Leading a small initiative",
          resources:
            "My manager's support to lead a cross-team project; a shadow program with a manager.",
          careerSupport:
            "Shows that I can plan, delegate and keep others moving towards a shared goal.",
          actionSteps: ["Lead one project with at least two other contributors this half-year"],
          network: "Share a retrospective of the project with the wider group.",
          challenges: "Balancing leading with my own deliverables.",
        },
      ],
      resources: [],
      schedule: standardSchedule,
    },
  },
  {
    id: "people-manager-growth",
    name: "People manager growth",
    description: "Grow as a manager within your role, or towards senior and multi-team leadership.",
    content: {
      role: {
        trajectory: "grow-as-manager",
        targetRoles: [],
        timeFrame: "12 months",
        notes:
          "Which parts of managing do you want to get better at, and what would a senior role ask of you that you do not do yet?",
      },
      inspirationHint:
        "Model continuous learning: block time for your own growth and let your team see you use it.",
      goals: [
        {
          skill: "Career conversations with every report",
          resources: "The career conversation guide; my own manager as a sounding board.",
          careerSupport:
            "Growing my people is how my team grows; it is also expected at the next management level.",
          actionSteps: [
            "Hold a career conversation with each report this quarter",
            "Help each report write or refresh their growth plan",
          ],
          network: "Share what worked with other managers in our managers' channel.",
          challenges:
            "Calendar pressure; I will schedule the conversations at the start of the quarter.",
        },
        {
          skill: "Strategic thinking and cross-team influence",
          resources: "A leadership course or book; a senior leader willing to be shadowed.",
          careerSupport: "Senior roles set direction across teams, not only within mine.",
          actionSteps: ["Write and present a one-year plan for my area"],
          network: "Ask two peer managers to review the plan before I present it.",
          challenges: "Finding focus time away from day-to-day management.",
        },
      ],
      resources: [],
      schedule: standardSchedule,
    },
  },
  {
    id: "lateral-growth",
    name: "Lateral growth / career transition",
    description: "Prepare a move to a new team, function or division.",
    content: {
      role: {
        trajectory: "lateral-move",
        targetRoles: [],
        timeFrame: "12–18 months",
        notes:
          "Which team or role are you drawn to, and why? Which of your strengths carry over, and what is new?",
      },
      inspirationHint:
        "Your energy journal can show which kinds of work you would like more of: a strong hint about where to move.",
      goals: [
        {
          skill: "Understand the target role from the inside",
          resources:
            "Conversations with people in the role; the role's description in the career framework; a shadow program.",
          careerSupport:
            "Lets me check the fit before I commit, and shows the target team that I am serious.",
          actionSteps: [
            "Hold informational conversations with three people in the target role",
            "Shadow the target team for a day",
          ],
          network: "Ask my manager to introduce me to the target team's manager.",
          challenges:
            "Talking about a move openly can feel risky; growth is non-linear and moves are encouraged.",
        },
        {
          skill: "Build the core skill the new role needs",
          resources: `A course or certification in the new field. ${growthBenefitTip}`,
          careerSupport: "Closes the biggest gap between my current experience and the new role.",
          actionSteps: ["Complete the course and apply it in a side project with the target team"],
          network: "Share the project's outcome with both teams.",
          challenges: "Keeping up with my current role while learning something new.",
        },
      ],
      resources: [],
      schedule: standardSchedule,
    },
  },
];
