// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "derive",
    products: [
        .library(name: "BackpropKit", targets: ["BackpropKit"]),
        .executable(name: "derive", targets: ["derive"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "BackpropKit"),
        .target(name: "DeriveCLI", dependencies: ["BackpropKit"]),
        .executableTarget(name: "derive", dependencies: ["DeriveCLI"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "BackpropKitTests",
            dependencies: ["BackpropKit", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "DeriveCLITests",
            dependencies: ["DeriveCLI", "derive", "TestSupport"]
        ),
    ]
)
