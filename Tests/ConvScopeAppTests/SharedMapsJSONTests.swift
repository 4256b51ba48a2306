import Testing
@testable import ConvCore
@testable import ConvScopeApp

/// Maps written plane by plane (each distinct plane's text formatted once and repeated) read
/// byte for byte as the whole tensor written row by row.
@Suite struct SharedMapsJSONTests {
    static func document(_ write: (inout TensorJSONWriter) -> Void) -> [UInt8] {
        var bytes: [UInt8] = []
        var writer = TensorJSONWriter { bytes += $0 }
        write(&writer)
        writer.flush()
        return bytes
    }

    /// Planes of fractions (rows 0 and 1 equal), shared by channels in runs of `runs`.
    static func maps(height: Int, width: Int, runs: [(plane: Int, count: Int)]) -> FeatureMaps {
        let planes = (runs.map(\.plane).max() ?? 0) + 1
        var storage: [Float] = []
        for p in 0..<planes {
            for y in 0..<height {
                for x in 0..<width { storage.append(Float(p * 7 + (y == 1 ? 0 : y) * 3 + x) / 7) }
            }
        }
        let planeOfChannel = runs.flatMap { Array(repeating: $0.plane, count: $0.count) }
        return FeatureMaps(shape: [1, planeOfChannel.count, height, width], planeOfChannel: planeOfChannel, storage: storage)
    }

    @Test(arguments: [
        [(0, 1)], [(0, 3), (1, 1), (0, 2), (2, 4)], [(1, 2), (0, 1)],
        // Runs long enough to go to the sink as repeated blocks (several MB of one plane's text).
        [(0, 400), (1, 1), (0, 399)],
    ])
    func sharedPlanesWriteTheWholeTensorsBytes(_ runs: [(Int, Int)]) {
        let maps = Self.maps(height: 40, width: 40, runs: runs.map { (plane: $0.0, count: $0.1) })
        let shared = Self.document { $0.appendSharedMaps(maps) }
        let whole = Self.document { $0.appendNested(shape: maps.shape, values: maps.tensor.storage) }
        #expect(shared.count == whole.count)
        #expect(shared == whole)
    }

    @Test func oneRowAndOneColumnMaps() {
        for (h, w) in [(1, 5), (5, 1), (1, 1)] {
            let maps = Self.maps(height: h, width: w, runs: [(0, 2), (1, 3)])
            #expect(Self.document { $0.appendSharedMaps(maps) }
                == Self.document { $0.appendNested(shape: maps.shape, values: maps.tensor.storage) })
        }
    }
}
