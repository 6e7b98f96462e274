import BackpropKit
@testable import BackpropRendering
import Foundation
import Testing
import TestSupport

/// Every picture's SVG is drawn by a real renderer, rsvg-convert, without an error or a warning.
@Suite struct SVGRasterTests {
    @Test func rsvgConvertDrawsEveryPicture() throws {
        guard let rsvg = ExternalTool.required("rsvg-convert") else { return }
        var diagrams = try DiagramNetwork.allCases.flatMap { network in try DiagramKind.allCases.map { try network.diagram($0) } }
        for example in GraphExample.allCases {
            diagrams += [GraphPicture(derivation: try example.derivation(), notation: GraphNotation(), numbers: .roundTrip).diagram].compactMap { $0 }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svg-raster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, diagram) in diagrams.enumerated() {
            var svg = ""
            SVGDiagramWriter().write(diagram, to: &svg)
            let file = folder.appendingPathComponent("\(index).svg")
            try svg.write(to: file, atomically: true, encoding: .utf8)
            let result = try rsvg.run([file.path, "--output", folder.appendingPathComponent("\(index).png").path])
            #expect(result.status == 0 && result.stderr.isEmpty, "\(diagram.kind): \(result.stderr)")
        }
    }
}
