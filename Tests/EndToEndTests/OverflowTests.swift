import Foundation
import Testing

/// The counts over user numbers never trap (SIGILL) and never allocate what nothing bounds: each
/// command runs under `ulimit -v`, so an unbounded allocation fails the test instead of the machine.
@Suite("Overflow and unbounded allocations")
struct OverflowTests {
    /// 1 GiB of address space: far more than any of these commands needs, far less than 16 GB.
    static func bounded(_ arguments: String, in dir: String = NSTemporaryDirectory()) -> (status: Int32, out: String, err: String) {
        shell("cd '\(dir)' && bash -c \"ulimit -v 1048576; '\(Binary.path)' \(arguments)\" < /dev/null")
    }

    static let transposed = "'ConvTranspose2d(4096, 4096, 64, stride=64, dilation=64)'"

    @Test func aHugeKernelShapeIsRefused() throws {
        try withTemporaryDirectory("huge-kernel") { dir in
            var header = Array("{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4, 1, 1), }".utf8)
            header += [UInt8](repeating: 0x20, count: 128 - 10 - header.count - 1) + [10]
            let bytes = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count), 0] + header + [UInt8](repeating: 0, count: 16)
            try Data(bytes).write(to: URL(fileURLWithPath: dir + "/k.npy"))
            let r = Self.bounded("render --kernel k.npy --format text", in: dir)
            #expect(r.status == 64 && r.err.hasPrefix("convscope: --kernel k.npy: too large"), "\(r.status) \(r.err.prefix(300))")
        }
    }

    @Test(arguments: [2, 3])
    func transposedLayersThatMultiplySizesPrintTheirShapes(_ count: Int) {
        let layers = Array(repeating: "--layer \(Self.transposed)", count: count).joined(separator: " ")
        let r = Self.bounded("render --layers --h-in 1024 --w-in 1024 --layer 'Conv2d(64, 4096, 1)' \(layers)")
        #expect(r.status == 0 || r.status == 1, "\(r.status) \(r.err.prefix(300))")
        #expect(r.out.contains("total: ") && r.out.contains("over 9,223,372,036,854,775,807 multiplications"), "\(r.out.suffix(400))")
        if count == 3 { #expect(r.out.contains("past the 16777216 cells on a side")) }
    }

    @Test func aHundredAndThirtyLargeLayersCountTheirMultiplications() {
        let layers = Array(repeating: "--layer 'Conv2d(4096, 4096, 64, padding=32)'", count: 130).joined(separator: " ")
        let r = Self.bounded("render --layers --h-in 1024 --w-in 1024 \(layers)")
        #expect(r.status == 0 && r.out.contains("total: "), "\(r.status) \(r.err.prefix(300))")
    }

    @Test func aDenseQuestionPastIntIsRefusedInOneLine() throws {
        try withTemporaryDirectory("dense") { dir in
            let lab = "title = \"t\"\n[[exercise]]\nid = \"d\"\nlayer = \"Conv2d(4096, 4096, 1)\"\ninput = [1, 4096, 1024, 1024]\nask = \"dense_params\"\n"
            try Data(lab.utf8).write(to: URL(fileURLWithPath: dir + "/lab.toml"))
            let r = Self.bounded("exercise lab.toml --answers /dev/null", in: dir)
            #expect(r.status == 64 && r.err.contains("dense_params is past 9223372036854775807"), "\(r.status) \(r.err.prefix(300))")
        }
    }

    /// The weight tensor is bounded before it is built: 275 GB were asked for.
    @Test func aStackWhoseWeightsAreTooLargeIsRefusedBeforeAnyIsBuilt() {
        let r = Self.bounded("render --format json --h-in 64 --w-in 64 --layer 'Conv2d(3, 4096, 1)' --layer 'Conv2d(4096, 4096, 64)' -o /dev/null")
        #expect(r.status == 64 && r.err.contains("weights, more than the 64000000 convscope builds"), "\(r.status) \(r.err.prefix(300))")
    }

    /// A stack's JSON streams layer by layer: ten ReLUs at 64×1024² (eleven 256 MB maps, 2.8 GB
    /// kept whole) run in 1.4 GiB of address space.
    @Test func aStacksJSONKeepsOnlyAFewMaps() {
        let relus = Array(repeating: "--layer 'ReLU()'", count: 10).joined(separator: " ")
        let r = shell("bash -c \"ulimit -v 1468006; '\(Binary.path)' render --format json --h-in 1024 --w-in 1024 --in-channels 64 \(relus) -o /dev/null\" < /dev/null")
        #expect(r.status == 0, "\(r.status) \(r.err.prefix(300))")
    }

    /// A value question is bounded before its tensors are built: a [1, 4096, 1024, 1024] input
    /// asked for 16 GiB. Its cell after a BatchNorm2d on the map's own statistics needs the
    /// whole input (a single Conv2d's cell reads only its window of it, and is answered).
    @Test func aValueQuestionWhoseInputIsTooLargeIsRefusedInOneLine() throws {
        try withTemporaryDirectory("value-bound") { dir in
            let lab = "title = \"t\"\n[[exercise]]\nid = \"v\"\nlayers = [\"BatchNorm2d(4096, track_running_stats=False)\", \"Conv2d(4096, 8, 1)\"]\n"
                + "input = [1, 4096, 1024, 1024]\nask = \"value\"\nat = 1\ncell = [0, 0, 0]\n"
            try Data(lab.utf8).write(to: URL(fileURLWithPath: dir + "/lab.toml"))
            let r = Self.bounded("exercise lab.toml --answers /dev/null", in: dir)
            #expect(r.status == 64 && r.err.contains("up to 67108864 values a map") && !r.err.dropLast().contains("\n"),
                    "\(r.status) \(r.err.prefix(300))")
        }
    }

    /// A value question computes its one cell, not its layer: Conv2d(64, 64, 32) at 1024² ran 84 s
    /// and 838 MB for one cell. In 500 MiB of address space the 268 MB input fits and the whole
    /// 252 MB output beside it would not; the ramp's cell [0, 0, 0] is 64·32·(0+1+…+31) = 1,015,808.
    @Test func aValueQuestionComputesItsOneCell() throws {
        try withTemporaryDirectory("value-cell") { dir in
            let lab = "title = \"t\"\n[[exercise]]\nid = \"v\"\nlayer = \"Conv2d(64, 64, 32)\"\ninput = [1, 64, 1024, 1024]\nask = \"value\"\ncell = [0, 0, 0]\n"
            try Data(lab.utf8).write(to: URL(fileURLWithPath: dir + "/lab.toml"))
            try Data("1: 1015808\n".utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
            let r = shell("cd '\(dir)' && bash -c \"ulimit -v 512000; '\(Binary.path)' exercise lab.toml --answers a.txt\" < /dev/null")
            #expect(r.status == 0 && r.out.contains("Score: 1/1"), "\(r.status) \(r.err.prefix(300)) \(r.out.suffix(300))")
        }
    }

    /// The layers before the asked one stream: only the asked layer's input is kept. Twenty ReLUs
    /// at 16×1024² keep 1.3 GB whole; the answer takes a few 64 MB maps, here in 600,000 KiB.
    @Test func aValueQuestionKeepsOnlyTheMapItReads() throws {
        try withTemporaryDirectory("value-stream") { dir in
            let relus = Array(repeating: "\"ReLU()\"", count: 20).joined(separator: ", ")
            let lab = "title = \"t\"\n[[exercise]]\nid = \"v\"\nlayers = [\(relus)]\ninput = [1, 16, 1024, 1024]\nask = \"value\"\ncell = [3, 5, 7]\n"
            try Data(lab.utf8).write(to: URL(fileURLWithPath: dir + "/lab.toml"))
            try Data("1: 7\n".utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
            let r = shell("cd '\(dir)' && bash -c \"ulimit -v 600000; '\(Binary.path)' exercise lab.toml --answers a.txt\" < /dev/null")
            #expect(r.status == 0 && r.out.contains("Score: 1/1"), "\(r.status) \(r.err.prefix(300)) \(r.out.suffix(300))")
        }
    }

    /// A value question computes only its cell's cone: 30 Conv2d(64, 64, 3, padding=1), each
    /// followed by a Sigmoid, at 1024² (a 268 MB input, 30 such maps whole) answer the last
    /// Conv2d's centre cell in 256 MiB of address space, reading 61×61 cells of the input. The
    /// ramp (≈512 there) saturates every Sigmoid at 1, so the cell is 64·9·1 = 576.
    @Test func aDeepValueQuestionComputesOnlyItsCone() throws {
        try withTemporaryDirectory("value-cone") { dir in
            let layers = Array(repeating: "\"Conv2d(64, 64, 3, padding=1)\", \"Sigmoid()\"", count: 30).joined(separator: ", ")
            let lab = "title = \"t\"\n[[exercise]]\nid = \"v\"\nlayers = [\(layers)]\ninput = [1, 64, 1024, 1024]\nask = \"value\"\n"
                + "at = 58\ncell = [5, 512, 512]\n"
            try Data(lab.utf8).write(to: URL(fileURLWithPath: dir + "/lab.toml"))
            try Data("1: 576\n".utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
            let r = shell("cd '\(dir)' && bash -c \"ulimit -v 262144; '\(Binary.path)' exercise lab.toml --answers a.txt\" < /dev/null")
            #expect(r.status == 0 && r.out.contains("Score: 1/1"), "\(r.status) \(r.err.prefix(300)) \(r.out.suffix(300))")
        }
    }

    /// A command that prints shapes allocates no tensor: a 4096×1024² input is 16 GiB, and the
    /// table and the shape and count questions on it run in 256 MiB of address space.
    @Test func shapesAndCountsAllocateNoTensor() throws {
        let table = shell("bash -c \"ulimit -v 262144; '\(Binary.path)' render --layers --h-in 1024 --w-in 1024 --in-channels 4096 "
            + "--layer 'Conv2d(4096, 4096, 64)' --layer 'ConvTranspose2d(4096, 4096, 64, stride=64)'\" < /dev/null")
        #expect(table.status == 0 && table.out.contains("output 1×4096×61504×61504"), "\(table.status) \(table.err.prefix(300))")
        try withTemporaryDirectory("shape-bound") { dir in
            let lab = "title = \"t\"\n" + ["shape", "mults", "params", "rf"].map { ask in
                "[[exercise]]\nid = \"\(ask)\"\nlayer = \"Conv2d(4096, 4096, 64)\"\ninput = [1, 4096, 1024, 1024]\nask = \"\(ask)\"\n"
            }.joined()
            try Data(lab.utf8).write(to: URL(fileURLWithPath: dir + "/lab.toml"))
            try Data("1: 1x4096x961x961\n2: 63463879874707456\n".utf8).write(to: URL(fileURLWithPath: dir + "/a.txt"))
            let r = shell("cd '\(dir)' && bash -c \"ulimit -v 262144; '\(Binary.path)' exercise lab.toml --answers a.txt\" < /dev/null")
            #expect(r.status == 0 && r.out.contains("Score: 2/4"), "\(r.status) \(r.err.prefix(300)) \(r.out.suffix(300))")
        }
    }
}
