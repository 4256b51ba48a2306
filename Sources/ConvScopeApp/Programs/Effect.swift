import ConvCore
import ConvExercises

/// A side effect `update` asks for; the run loop performs it, so `update` stays pure.
public enum Effect: Equatable, Sendable {
    /// Compute (or fetch from the cache) the maps for these parameters.
    case compute(Conv2dSettings)
    /// Compute every layer's values of this model (the stack screen), then report back with
    /// `Action.stackComputed`: the values up to layer `selected` first, then all; a newer model
    /// cancels it.
    case computeStack(Model, selected: Int)
    /// Compute the graph screen's values behind it, then report back with `Action.graphComputed`;
    /// a newer request replaces it.
    case computeGraph(GraphRequest)
    /// Write the screen (or its maps) to a file, then report back with `Action.report`.
    case export
    /// Start or stop recording every frame drawn to an asciicast file, then report back with
    /// `Action.report`.
    case toggleRecording
    /// Leave the screen for the shell (Ctrl-Z); the run loop reports back with `Action.resumed`.
    case suspend
    /// Record an answer of an exercise session (the `--answers` format) in its record file; a
    /// failure comes back as `Action.report`.
    case recordAnswers(AnswerRecord)
    /// End the session with this exit status (the parameters are saved on the way out).
    case quit(Int32)
    /// Turn the terminal's mouse reporting on or off.
    case mouseReporting(Bool)
}
