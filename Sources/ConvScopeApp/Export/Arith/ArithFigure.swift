/// A conv_arithmetic figure computed: the grid the kernel slides over (the input with its
/// padding, and for a transposed convolution the zeros inserted between its cells), the kernel
/// as it is applied, and the output. A transposed convolution is drawn, as in the guide, as the
/// direct convolution it equals: stride 1 over the stretched input with the kernel turned 180°.
public struct ArithFigure: Equatable, Sendable {
    public let config: ArithConfig
    /// The grid the kernel slides over; nil is a zero the data does not have (padding or inserted).
    public let grid: [[Float?]]
    /// Rows (and columns) of padding before the first input cell in `grid`.
    public let padBefore: Int
    /// The kernel as applied to `grid` (flipped for a transposed convolution).
    public let kernel: [[Float]]
    /// The stride and dilation of the sliding on `grid`.
    public let step: Int, dilation: Int
    public let output: [[Float]]

    public init(_ c: ArithConfig) {
        config = c
        let values = c.inputValues, k = c.kernel, d = c.dilation
        let spacing = c.transposed ? c.stride : 1
        padBefore = c.transposed ? d * (k - 1) - c.padding : c.padding
        let padAfter = padBefore + (c.transposed ? c.outputPadding : 0)
        let stretched = (c.input - 1) * spacing + 1
        let size = padBefore + stretched + padAfter
        var grid = [[Float?]](repeating: [Float?](repeating: nil, count: size), count: size)
        for y in 0..<c.input {
            for x in 0..<c.input { grid[padBefore + y * spacing][padBefore + x * spacing] = values[y][x] }
        }
        self.grid = grid
        kernel = c.transposed ? c.kernelValues.reversed().map { $0.reversed() } : c.kernelValues
        step = c.transposed ? 1 : c.stride
        dilation = d
        let span = d * (k - 1) + 1
        let count = (size - span) / step + 1
        let kernel = self.kernel, step = self.step
        output = (0..<count).map { oy in
            (0..<count).map { ox in
                var sum: Float = 0
                for ky in 0..<k {
                    for kx in 0..<k { sum += (grid[oy * step + ky * d][ox * step + kx * d] ?? 0) * kernel[ky][kx] }
                }
                return sum
            }
        }
    }

    /// The output's height and width.
    public var outputSize: Int { output.count }

    /// The grid cells the kernel reads for output (oy, ox), row by row.
    public func taps(_ oy: Int, _ ox: Int) -> [(row: Int, column: Int)] {
        (0..<config.kernel).flatMap { ky in
            (0..<config.kernel).map { kx in (oy * step + ky * dilation, ox * step + kx * dilation) }
        }
    }
}
