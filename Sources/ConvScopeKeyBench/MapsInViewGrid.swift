import ConvCore
import ConvScopeApp
import Foundation

/// Every kind of layer in range at 1024² (256² with --quick), random input and weights, at both
/// zooms: each channel count × kernel size, then the 64→64 k32 layer with each padding mode,
/// dilation, stride and grouping in turn. The goal is the same for all: maps in view ≤ 100 ms.
func mapsInViewGrid(quick: Bool) -> [MapsInViewCase] {
    let side = quick ? 256 : 1024
    struct Shape {
        var channels = 64, kernel = 32, padding = 0, mode = PaddingMode.zeros, dilation = 1, stride = 1, groups = 1
        var label: String {
            var words = ["\(channels)→\(channels) k\(kernel)"]
            if padding > 0 { words.append("\(mode) p\(padding)") }
            if dilation > 1 { words.append("d\(dilation)") }
            if stride > 1 { words.append("s\(stride)") }
            if groups > 1 { words.append("g\(groups)") }
            return words.joined(separator: " ")
        }
    }
    func layer(_ shape: Shape) -> Conv2dSettings {
        var p = ConvParameters()
        p.hIn = side; p.wIn = side; p.inChannels = shape.channels; p.outChannels = shape.channels
        p.kernelSizeH = shape.kernel; p.kernelSizeW = shape.kernel; p.paddingH = shape.padding; p.paddingW = shape.padding
        p.strideH = shape.stride; p.strideW = shape.stride; p.dilationH = shape.dilation; p.dilationW = shape.dilation
        var settings = Conv2dSettings(p)
        settings.paddingMode = shape.mode
        settings.groups = shape.groups
        settings.input = .generated(.random(start: 0))
        settings.kernel = .preset(.random(start: 1))
        return settings
    }
    var shapes: [Shape] = []
    for channels in [16, 64] { for kernel in [3, 8, 32] { shapes.append(Shape(channels: channels, kernel: kernel)) } }
    for mode in PaddingMode.allCases { shapes.append(Shape(padding: 15, mode: mode)) }
    shapes += [Shape(dilation: 2), Shape(padding: 31, mode: .reflect, dilation: 2), Shape(stride: 2), Shape(dilation: 2, stride: 3),
               Shape(groups: 4), Shape(groups: 64), Shape(padding: 15, mode: .circular, stride: 2, groups: 8)]
    return shapes.flatMap { shape in
        [(Zoom.numbers, "numbers"), (.whole, "whole maps")].map { zoom, name in
            MapsInViewCase(name: "\(side)² \(shape.label), \(name)", layer: layer(shape), zoom: zoom)
        }
    }
}

/// The grid of cases, each timed (the layers, then a model's selected node on both model
/// screens unless `models` is false); ends with every case's pass/fail and the one-line verdict.
func mapsInViewGridBench(quick: Bool, runs: Int, layers: Bool = true, models: Bool = true) {
    printMachine()
    var timings: [MapsInViewTiming] = []
    let arguments = CommandLine.arguments
    if layers {
        print("key → maps in view for every kind of layer in range, 200×60, random input and weights (median of \(runs) after a warm-up)")
        // `--layer-case WORDS` keeps the layer cases whose name holds WORDS (to time or profile one alone).
        let only: String? = arguments.firstIndex(of: "--layer-case").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        timings += mapsInViewGrid(quick: quick).filter { only == nil || $0.name.contains(only!) }.map { timeMapsInView($0, runs: runs) }
    }
    if models {
        print("key → the selected node's maps on the model screens, 200×60, values computed as the run loop does (median of \(runs) after a warm-up; one run when a run takes seconds)")
        // `--case WORDS` keeps the model cases whose name holds WORDS (to profile one alone).
        let only: String? = arguments.firstIndex(of: "--case").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        timings += modelMapsCases(quick: quick).filter { only == nil || $0.name.contains(only!) }.map { timeModelMaps($0, runs: runs) }
    }
    print("pass/fail (goal: median ≤ 100 ms)")
    timings.forEach { printGridLine($0) }
    printMapsInViewVerdict(timings.filter(\.shown))
}

/// What the figures were taken on: the time, the processor, the cores and the load before.
func printMachine() {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last
        .map { $0.trimmingCharacters(in: .whitespaces) } ?? "?"
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    let formatter = ISO8601DateFormatter()
    print("machine: \(model), \(ProcessInfo.processInfo.activeProcessorCount) cores; load average \(load) at \(formatter.string(from: Date()))")
}
