import BackpropKit
@testable import BackpropRendering
import Foundation
import TestSupport
import Testing

/// Pins the rendered derivations of ``SnapshotNetwork`` in every format to the golden files in `Snapshots/`.
@Suite struct RendererSnapshotTests {
    @Test(arguments: SnapshotNetwork.allCases)
    func latex(_ network: SnapshotNetwork) throws {
        let renderer = LaTeXRenderer(options: .init(notation: network.notation, numbers: network.numbers, info: network.info))
        try expectSnapshot(renderer, network, extension: "tex")
    }

    @Test(arguments: SnapshotNetwork.allCases)
    func markdown(_ network: SnapshotNetwork) throws {
        let renderer = MarkdownRenderer(options: .init(notation: network.notation, numbers: network.numbers, info: network.info))
        try expectSnapshot(renderer, network, extension: "md")
    }

    @Test(arguments: SnapshotNetwork.allCases)
    func text(_ network: SnapshotNetwork) throws {
        let renderer = PlainTextRenderer(options: .init(notation: network.notation, numbers: network.numbers, info: network.info))
        try expectSnapshot(renderer, network, extension: "txt")
    }

    @Test(arguments: SnapshotNetwork.allCases)
    func json(_ network: SnapshotNetwork) throws {
        try expectSnapshot(JSONRenderer(), network, extension: "json")
    }

    private func expectSnapshot(_ renderer: some DerivationRenderer, _ network: SnapshotNetwork, extension ext: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        var output = ""
        renderer.render(try network.derivation(), to: &output)
        let path = SourceTree.path("Tests/BackpropRenderingTests/Snapshots/\(network.rawValue).\(ext)")
        Snapshot.expect(output, matches: path, sourceLocation: sourceLocation)
    }
}
