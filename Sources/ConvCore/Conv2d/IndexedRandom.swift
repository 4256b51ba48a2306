import CConvKernels
import Dispatch
import Synchronization

/// `SplitMixRandom`'s integers drawn by their index instead of in turn (its state after n calls
/// is start + n·γ, so value i needs no value before it): a random tensor is made on every core,
/// or only the rows a screen reads of it, with the values the generator gives in NCHW order.
public enum IndexedRandom {
    /// Values per piece a core takes: large enough that starting one costs nothing.
    static let pieceSize = 1 << 20

    /// Writes integers `first ..< first + count` in `range` (as `SplitMixRandom.integer(in:)`
    /// draws them) to `out` as floats.
    public static func fill(_ out: UnsafeMutablePointer<Float>, start: UInt64, first: Int, count: Int,
                            in range: ClosedRange<Int>) {
        guard count > 0 else { return }
        convscope_splitmix_floats(out, start, UInt64(first), Int64(count), Int64(range.lowerBound), UInt64(range.count))
    }

    /// The first `count` integers in `range` as floats, made on up to `threads` cores: the same
    /// array as `SplitMixRandom(start:).floats(count, in: range)`.
    public static func floats(_ count: Int, start: UInt64, in range: ClosedRange<Int>,
                              threads: Int = ProcessorCount.online) -> [Float] {
        // All of it is written.
        HugePageArray.make(count: count) { base in
            let job = RandomPieces(output: base, count: count, start: start, range: range)
            if job.pieces <= 1 || threads <= 1 {
                job.run()
            } else {
                Workers.perform(iterations: min(threads, job.pieces)) { _ in job.run() }
            }
        }
    }

    /// A random [channels, height, width] tensor's values with only `rows` of every channel drawn
    /// and the rest 0, most of it never written (`convscope_zero_floats`): what a preview reads
    /// of a 268 MB input, made without faulting in the rest. Drawn values are the whole tensor's.
    public static func floats(channels: Int, height: Int, width: Int, rows: [Range<Int>], start: UInt64,
                              in range: ClosedRange<Int>) -> [Float] {
        let count = channels * height * width
        let drawn = rows.map { $0.clamped(to: 0..<height) }.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            var written = 0  // every value before this index is set
            for c in 0..<channels {
                for span in drawn {
                    let first = max(written, (c * height + span.lowerBound) * width)
                    let end = (c * height + span.upperBound) * width
                    guard end > first else { continue }
                    convscope_zero_floats(base + written, Int64(first - written))
                    fill(base + first, start: start, first: first, count: end - first, in: range)
                    written = end
                }
            }
            convscope_zero_floats(base + written, Int64(count - written))
            initialized = count
        }
    }
}

/// One random tensor's pieces, taken in turn by whichever core is free.
private struct RandomPieces: @unchecked Sendable {
    // Each piece is written by the one core that took it; the pointer outlives the workers.
    let output: UnsafeMutablePointer<Float>
    let count: Int, start: UInt64, range: ClosedRange<Int>
    let next = WorkCounter()
    var pieces: Int { (count + IndexedRandom.pieceSize - 1) / IndexedRandom.pieceSize }

    func run() {
        while case let piece = next.take(), piece < pieces {
            let first = piece * IndexedRandom.pieceSize
            IndexedRandom.fill(output + first, start: start, first: first,
                               count: min(IndexedRandom.pieceSize, count - first), in: range)
        }
    }
}
