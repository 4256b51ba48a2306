import CConvKernels
import Foundation
import Testing
@testable import ConvCore

/// A layer's large arrays in whole 2 MB pages: the capacity's arithmetic, the values, and on a
/// Linux that can (transparent huge pages on, 6.7 or later) how few page faults writing one takes.
@Suite("Large arrays in 2 MB pages")
struct HugePageArrayTests {
    @Test("a capacity of 2 MB and more makes a block of whole 2 MB pages; a smaller one stays")
    func capacities() {
        for count in [1_016_064, 1_048_576, 1_052_672, 524_288, 3_000_001, 67_108_864] {
            let capacity = HugePageArray.capacity(floats: count)
            #expect(capacity >= count)
            #expect((capacity * 4 + HugePageArray.overhead) % (2 << 20) == 0, "\(count)")
            #expect(capacity * 4 + HugePageArray.overhead - count * 4 <= 2 << 20)
        }
        #expect(HugePageArray.capacity(floats: 524_287) == 524_287)
        #expect(HugePageArray.capacity(floats: 0) == 0)
    }

    @Test("make: every value its body wrote, no more (the spare capacity is not counted)")
    func values() {
        for count in [0, 10, 1_016_064, 1_052_672] {
            let values = HugePageArray.make(count: count) { base in
                for i in 0..<count { base[i] = Float(i % 1000) }
            }
            #expect(values.count == count)
            #expect(values.enumerated().allSatisfy { $0.element == Float($0.offset % 1000) })
        }
    }

    /// Transparent huge pages allowed (always or madvise) on Linux 6.7 or later, which starts an
    /// anonymous mapping of whole 2 MB pages on a 2 MB boundary.
    static var hugePagesWork: Bool {
        guard let mode = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
              !mode.contains("[never]") else { return false }
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let numbers = release.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        return numbers.count == 2 && (numbers[0], numbers[1]) >= (6, 7)
    }

    @Test("the lab's 252² × 16 output written in a handful of faults, not 992", .enabled(if: hugePagesWork))
    func fewFaults() {
        // Blocks of a megabyte and more mapped on their own, as the screen's engine sets.
        _ = convscope_return_blocks_from(1 << 20)
        let count = 16 * 252 * 252
        var faults = 0, refused = false
        for _ in 0..<3 {
            let before = minorFaults(), refusedBefore = Self.hugePagesRefused()
            let values = HugePageArray.make(count: count) { base in base.update(repeating: 1, count: count) }
            faults = minorFaults() - before
            // A kernel out of free 2 MB pages falls back to 4 KB ones: not this code's doing.
            refused = Self.hugePagesRefused() > refusedBefore
            #expect(values.count == count)
            if faults < 64 || refused { break }
        }
        #expect(faults < 64 || refused, "\(faults) faults writing \(count * 4) bytes")
    }

    /// Huge pages the kernel could not give so far, system-wide (/proc/vmstat's fallbacks and failed collapses).
    static func hugePagesRefused() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/vmstat", encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").reduce(0) { sum, line in
            let fields = line.split(separator: " ")
            guard fields.count == 2, ["thp_fault_fallback", "thp_collapse_alloc_failed"].contains(String(fields[0])) else { return sum }
            return sum + (Int(fields[1]) ?? 0)
        }
    }

    private func minorFaults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt
    }
}
