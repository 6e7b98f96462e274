// swift-tools-version:6.0
import PackageDescription

// The targets are layers, lowest first: each depends only on targets listed before it, so an import
// from a lower layer of a higher one does not compile.
let package = Package(
    name: "derive",
    products: [
        .library(name: "BackpropKit", targets: ["BackpropKit", "BackpropRendering"]),
        .executable(name: "derive", targets: ["derive"]),
    ],
    dependencies: [],
    targets: [
        // Layer 1: expressions (evaluation, derivative, simplification), parsing, number and text utilities.
        .target(name: "BackpropCore"),
        // Layer 2: networks, differentiation, computational graphs, derivations as data, notations.
        .target(name: "BackpropKit", dependencies: ["BackpropCore"]),
        // Layer 3: the output formats, pictures and templates.
        .target(name: "BackpropRendering", dependencies: ["BackpropKit"]),
        // Layer 4: the command line: options, files, error messages and exit codes; and the one C call
        // Swift's C library modules do not offer, the allocator's settings (mallopt).
        .target(name: "CAllocator"),
        .target(name: "DeriveCLI", dependencies: ["BackpropKit", "BackpropRendering", "CAllocator"]),
        // Layer 5: the executable, one statement.
        .executableTarget(name: "derive", dependencies: ["DeriveCLI"]),
        // The library example of the README, run by DeriveCLITests/LibraryExampleTests.
        .executableTarget(name: "library-example", dependencies: ["BackpropKit", "BackpropRendering"], path: "Examples/LibraryExample"),

        // Tests: one target per library target, folders mirroring Sources/.
        // Helpers for every test target: golden files, pdflatex, finite differences.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "BackpropCoreTests",
            dependencies: ["BackpropCore", "TestSupport"]
        ),
        .testTarget(
            name: "BackpropKitTests",
            dependencies: ["BackpropKit", "TestSupport"]
        ),
        .testTarget(
            name: "BackpropRenderingTests",
            dependencies: ["BackpropKit", "BackpropRendering", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "DeriveCLITests",
            dependencies: ["DeriveCLI", "derive", "library-example", "TestSupport"]
        ),
    ]
)
