import BackpropKit
@testable import BackpropRendering
import Foundation
import TestSupport
import Testing

/// Pins the rendered derivations of ``SnapshotNetwork`` in every format to the golden files in `Snapshots/`.
@Suite struct FormatterSnapshotTests {
    @Test(arguments: SnapshotNetwork.allCases)
    func latex(_ network: SnapshotNetwork) throws {
        try expectSnapshot(LaTeXFormatter().string(network.handout()), network, extension: "tex")
    }

    @Test(arguments: SnapshotNetwork.allCases)
    func markdown(_ network: SnapshotNetwork) throws {
        try expectSnapshot(MarkdownFormatter().string(network.handout()), network, extension: "md")
    }

    @Test(arguments: SnapshotNetwork.allCases)
    func text(_ network: SnapshotNetwork) throws {
        try expectSnapshot(TextFormatter().string(network.handout()), network, extension: "txt")
    }

    @Test(arguments: SnapshotNetwork.allCases)
    func json(_ network: SnapshotNetwork) throws {
        var output = ""
        JSONRenderer().render(try network.derivation(), to: &output)
        try expectSnapshot(output, network, extension: "json")
    }

    private func expectSnapshot(_ output: String, _ network: SnapshotNetwork, extension ext: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = SourceTree.path("Tests/BackpropRenderingTests/Snapshots/\(network.rawValue).\(ext)")
        Snapshot.expect(output, matches: path, sourceLocation: sourceLocation)
    }
}
