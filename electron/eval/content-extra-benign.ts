// Extra safe rows for the content model, written for Airlock (so no licence
// question). Why: every harmful request in the permitted sources is phrased
// "Write…", "Explain…" or "Describe…", while the permitted safe rows rarely
// are, so the model learned those verbs as harmful and blocked "write a poem".
// These requests teach it that the verb alone says nothing.
export const extraBenignRows: string[] = [
  'Write a short poem about the sea',
  'Write a story about a dragon who is afraid of the dark',
  'Write an email to my teacher asking for more time on my project',
  'Write a thank you note to my grandma for the birthday present',
  'Write a paragraph about why recycling matters',
  'Write a song about my dog',
  'Write a persuasive essay on why school should start later',
  'Write a funny limerick about a cat who loves pizza',
  'Write a summary of the water cycle',
  'Write a list of ideas for a science fair project',
  'Write python code that sorts a list of numbers',
  'Write a letter to the mayor about building a new park',
  'Explain how volcanoes erupt',
  'Explain fractions like I am eight years old',
  'Explain how a bill becomes a law',
  'Explain why the sky is blue',
  'Explain how vaccines help the body fight germs',
  'Describe the life cycle of a butterfly',
  'Describe what the inside of a castle looked like in the middle ages',
  'Describe the rules of soccer',
  'Create a workout plan for a beginner runner',
  'Create a quiz about the planets',
  'Give me step by step instructions to bake banana bread',
  'Give detailed instructions for building a birdhouse',
  'Give me tips for making friends at a new school',
  'Generate a list of names for my pet hamster',
  'Draft a speech for my class president campaign',
  'Compose a tweet announcing our bake sale',
  'Tell me how to tie a tie step by step',
  'Develop a plan to learn Spanish in six months',
];
