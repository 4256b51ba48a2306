// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "convscope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "convscope", targets: ["convscope"]),
        .library(name: "ConvCore", targets: ["ConvCore"]),
        .library(name: "ConvScopeApp", targets: ["ConvScopeApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCursesW", path: "Sources/CNCursesW", pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]),
        // Pure maths: no terminal, no I/O.
        .target(name: "ConvCore"),
        // State, update, views painting a Canvas, exporters: still no terminal.
        .target(name: "ConvScopeApp", dependencies: ["ConvCore"]),
        // The only module that imports ncurses.
        .executableTarget(
            name: "convscope",
            dependencies: [
                "ConvCore", "ConvScopeApp", "CNCursesW",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "ConvCoreTests", dependencies: ["ConvCore"], exclude: ["Fixtures"]),
        .testTarget(name: "ConvScopeAppTests", dependencies: ["ConvScopeApp", "ConvCore"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ConvCore"]),
    ]
)
