/// A tensor read from a file, kept by reference: the state compares and hashes it by identity,
/// so a 64-channel 1024×1024 input costs nothing to compare on every key press.
public final class LoadedFile<Content: Sendable>: Hashable, Sendable {
    /// The file's name as the user gave it.
    public let name: String
    /// What the file holds.
    public let content: Content

    /// A file's name and content.
    public init(name: String, content: Content) {
        self.name = name
        self.content = content
    }

    public static func == (a: LoadedFile, b: LoadedFile) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
