// `Language` lives in ConvExercises (the solver's working and generated prompts speak it too);
// the app's code and its clients see it without importing ConvExercises in every file.
@_exported import ConvExercises
