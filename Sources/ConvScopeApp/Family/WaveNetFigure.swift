import ConvCore

/// The WaveNet figure of the course screen's causal Conv1d: the layer stacked as WaveNet stacks it
/// (kernel k, dilations d, 2d, 4d, … doubling per layer, stride 1), drawn as rows of dots, the
/// input at the bottom and the last layer on top; the cone of one output of the last layer lit,
/// every lit dot at or before its t.
struct WaveNetFigure {
    let sequence: CourseSequence
    /// The inspected output position of the last layer.
    let t: Int
    let environment: RenderEnvironment

    /// The most layers drawn.
    static let maxDepth = 4

    /// The stack drawn: as many layers as keep the receptive field within the sequence, at least one.
    static func stack(kernel: Int, dilation: Int, length: Int) -> CausalStack {
        var depth = 1
        while depth < maxDepth, 1 + (kernel - 1) * dilation * ((1 << (depth + 1)) - 1) <= max(length, 1) { depth += 1 }
        return CausalStack((0..<depth).map { CausalConv1d(channels: 1, kernelSize: kernel, dilation: dilation << $0) })
    }

    func paint(into canvas: inout Canvas, area: Rect) {
        let lang = environment.language, g = environment.glyphs
        let axis = sequence.axis, length = axis.size
        let stack = Self.stack(kernel: axis.kernel, dilation: axis.dilation, length: length)
        let t = min(max(0, self.t), length - 1)
        let tree = stack.tree(from: t)
        let fields = stack.receptiveFields
        let read = tree[0]
        let sentences = [SequenceWords.stackTitle(dilations: stack.layers.map(\.dilation), kernel: axis.kernel, lang),
                         SequenceWords.stackReads(t: t, first: read.min() ?? t, last: read.max() ?? t, field: fields.last ?? 1, lang),
                         FamilyText.causalFields(fields, dilations: stack.layers.map(\.dilation), lang)]
        var lines = sentences.flatMap { wrappedLines($0, width: area.width, glyphs: g) }
        // The figure first: the sentences keep the lines it leaves.
        if area.height < tree.count + lines.count { lines = Array(lines.prefix(max(0, area.height - tree.count))) }
        for (i, line) in lines.enumerated() {
            canvas.put(line, x: area.x, y: area.y + i, style: Style(foreground: Palette.highlight, bold: i == 0), maxWidth: area.width)
        }
        let labels = [SequenceWords.stackInputRow(lang)] + stack.layers.enumerated().map { SequenceWords.stackRow($0, dilation: $1.dilation, lang) }
        let labelWidth = (labels.map(\.count).max() ?? 0) + 1
        let room = max(1, (area.width - labelWidth) / 2)
        // The cone's apex stays in view: a narrow window ends at t.
        let start = max(0, min(t + 1, length) - room)
        let window = start..<min(length, start + room)
        let lit = Style(foreground: Palette.highlight, bold: true), dim = Style(foreground: Palette.muted, dim: true)
        // The last layer on top, the input at the bottom, as the WaveNet paper draws it.
        for (row, positions) in tree.enumerated().reversed() {
            let y = area.y + lines.count + (tree.count - 1 - row)
            guard y < area.maxY else { continue }
            canvas.put(labels[row], x: area.x, y: y, style: Style(foreground: Palette.accent, bold: true), maxWidth: labelWidth)
            for (column, i) in window.enumerated() {
                let on = positions.contains(i)
                canvas.put(on ? (g.unicode ? "\u{25CF}" : "o") : g.fillerDot, x: area.x + labelWidth + 2 * column, y: y, style: on ? lit : dim)
            }
        }
    }
}
