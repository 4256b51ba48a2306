// swift-tools-version:6.0
import PackageDescription

/// -O in debug builds too (root packages may use unsafe flags; -enable-testing stays on for tests).
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "convscope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "convscope", targets: ["convscope"]),
        .library(name: "ConvCore", targets: ["ConvCore"]),
        .library(name: "ConvScopeApp", targets: ["ConvScopeApp"]),
        .executable(name: "convscope-bench", targets: ["ConvScopeBench"]),
        .executable(name: "convscope-keybench", targets: ["ConvScopeKeyBench"]),
    ],
    dependencies: [
        // Pinned: CommandLineChecks reads its help through underscored API (_dumpHelp), which a
        // minor release may change; CommandLineTests' "given twice" and SilentOverrideTests' "does not take it" rows
        // break if its output does.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Exercise files are TOML (docs/DECISIONS.md, 2026-11-26).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // No pkgConfig: ncursesw's .pc only adds -D flags SwiftPM rejects with a warning on every
        // build ("prohibited flag(s)"); the shim defines what the header needs itself.
        .systemLibrary(
            name: "CNCursesW", path: "Sources/CNCursesW",
            providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]),
        // Pure maths: no terminal, no I/O. Optimised even in debug builds, so `swift run`
        // computes the largest allowed layer (64 channels, 1024×1024, 32×32) in about a second.
        .target(name: "ConvCore", dependencies: ["CConvKernels"], swiftSettings: optimizedInDebug),
        // The general convolution's register-tiled inner loop, one variant per instruction set
        // picked at run time (Swift code compiles for the baseline, SSE2 on x86-64). -O3 in debug
        // builds too: the tile only stays in registers when optimised.
        .target(name: "CConvKernels", cSettings: [.unsafeFlags(["-O3"])]),
        // State, update, views painting a Canvas, exporters: still no terminal.
        .target(name: "ConvScopeApp", dependencies: ["ConvCore", "ConvExercises"], swiftSettings: optimizedInDebug),
        // The run loop and the background computations: threads, but still no terminal.
        .target(name: "ConvScopeRuntime", dependencies: ["ConvCore", "ConvScopeApp", "ConvExercises", "CConvKernels"]),
        // Exercise files, the question engine, grading and lab generation: no terminal, no I/O.
        .target(name: "ConvExercises", dependencies: ["ConvCore", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The only module that imports ncurses.
        .executableTarget(
            name: "convscope",
            dependencies: [
                "ConvCore", "ConvScopeApp", "ConvScopeRuntime", "ConvExercises", "CNCursesW", "CConvKernels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The settings file (Settings.swift) is TOML like the exercise files.
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // Release builds link the Swift runtime and Foundation in: the dynamic loader no longer
            // resolves ~10 000 relocations against a dozen shared libraries at every start
            // (docs/PERFORMANCE.md, start-up). Not in debug: the test bundle, which links this
            // target's code, needs the shared testing libraries.
            // Less resident per screen, for a lab of 30 on one server (docs/DECISIONS.md, 2026-12-07):
            // - not position-independent (-no-pie): the linker resolves the ~80 000 relative
            //   relocations of the Swift runtime's and Foundation's metadata itself, so a start no
            //   longer reads 1.9 MB of relocation table nor writes private copies of the data they
            //   point into (3.4 MB);
            // - the C++ runtime linked in: Linker/libstdc++.so is a linker script standing for the
            //   static archive where the Swift runtime asks for -lstdc++, and the archive ends the
            //   group for ICU's references; the code used is then packed together (1.2 MB);
            // - no symbol table exported for the shared libraries to search (0.8 MB).
            linkerSettings: [.unsafeFlags([
                "-Xclang-linker", "-no-pie", "-L", Context.packageDirectory + "/Linker", "-Xlinker", "--no-export-dynamic",
                "-static-stdlib", "-Xlinker", "--start-group", "-Xlinker", "-lFoundation", "-Xlinker", "-lCoreFoundation", "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "-lFoundationEssentials", "-Xlinker", "-l_FoundationICU", "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-l:libstdc++.a", "-Xlinker", "--end-group"], .when(platforms: [.linux], configuration: .release))]),
        // `scripts/bench.sh`: convscope's convolution timed against PyTorch's (docs/PERFORMANCE.md).
        // A module name without a hyphen, so its build folder is named like its source folder.
        .executableTarget(
            name: "ConvScopeBench",
            dependencies: ["ConvCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // `scripts/bench_keys.sh`: one key's cost on a 5,000-layer model and a 40,000-question lab.
        .executableTarget(name: "ConvScopeKeyBench", dependencies: ["ConvCore", "ConvScopeApp", "ConvScopeRuntime", "ConvExercises"]),
        .testTarget(name: "ConvCoreTests", dependencies: ["ConvCore"], exclude: ["Fixtures"]),
        .testTarget(name: "ConvScopeAppTests", dependencies: ["ConvScopeApp", "ConvScopeRuntime", "ConvCore", "ConvExercises"],
                    exclude: ["Snapshots", "Fixtures"]),
        .testTarget(name: "RunLoopTests", dependencies: ["ConvScopeRuntime", "ConvScopeApp", "ConvCore", "ConvExercises"]),
        .testTarget(name: "ConvExercisesTests", dependencies: ["ConvExercises", "ConvCore"], exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ConvCore"], exclude: ["inputs"]),
        // The settings file's reader, which lives in the executable (it needs TOMLKit and files).
        .testTarget(name: "SettingsTests", dependencies: ["convscope"]),
    ]
)
