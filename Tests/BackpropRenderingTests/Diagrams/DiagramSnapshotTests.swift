import BackpropKit
@testable import BackpropRendering
import Foundation
import TestSupport
import Testing

/// Golden files of every picture of the note's network, and of the whole-network picture of the others,
/// as TikZ and as SVG. Re-record with `RECORD_SNAPSHOTS=1 swift test --filter DiagramSnapshotTests` and look
/// at what changed (`git diff`, and the pictures themselves).
@Suite struct DiagramSnapshotTests {
    static let cases: [(DiagramNetwork, DiagramKind)] = DiagramKind.allCases.map { (.note, $0) }
        + DiagramKind.allCases.map { (.softmax, $0) }
        + [(.single, .backwardNode), (.wide, .network), (.summarised, .network), (.summarised, .forwardNode)]

    @Test(arguments: cases)
    func tikzMatchesGoldenFile(_ network: DiagramNetwork, _ kind: DiagramKind) throws {
        var output = ""
        TikZDiagramWriter().write(try network.diagram(kind), to: &output)
        Snapshot.expect(output, matches: SourceTree.path("Tests/BackpropRenderingTests/Snapshots/diagram-\(network.rawValue)-\(kind.rawValue).tex"))
    }

    @Test(arguments: cases)
    func svgMatchesGoldenFile(_ network: DiagramNetwork, _ kind: DiagramKind) throws {
        var output = ""
        SVGDiagramWriter().write(try network.diagram(kind), to: &output)
        Snapshot.expect(output, matches: SourceTree.path("Tests/BackpropRenderingTests/Snapshots/diagram-\(network.rawValue)-\(kind.rawValue).svg"))
    }
}
