/// The top line of the model and graph screens: the longest title that fits beside the keys on
/// the right (help, quit), or the name alone.
enum TitleLine {
    static func paint(titles: [String], right: String, into canvas: inout Canvas) {
        let title = titles.first { $0.count + 2 + right.count <= canvas.width } ?? " convscope"
        canvas.put(title, x: 0, y: 0, style: Style(foreground: Palette.accent, bold: true))
        canvas.put(right, x: max(0, canvas.width - right.count), y: 0, style: Style(foreground: Palette.muted))
    }
}
