import BackpropKit
@testable import BackpropRendering
import Foundation
import TestSupport
import Testing

/// The TikZ pictures: they compile with the handout's preamble, fit the line, and escape their words.
@Suite struct TikZDiagramWriterTests {
    /// Overfull boxes up to this many points are invisible in print.
    static let tolerableOverfull = 10.0

    /// One document of every picture of the small networks, the summarised ones and the widest, and of one network
    /// in the other notations: pdflatex loads TikZ once, and the 64-edge meshes of the wide network are set once.
    @Test func compilesThePicturesInAHandout() throws {
        var pictures = try [DiagramNetwork.note, .softmax, .single].flatMap { network in try DiagramKind.allCases.map { try network.diagram($0) } }
        pictures += try [(DiagramNetwork.summarised, DiagramKind.network), (.summarised, .backwardPass), (.summarised, .cost),
                         (.deep, .network), (.deep, .backwardNode), (.wide, .backwardPass), (.wide, .cost)].map { try $0.diagram($1) }
        let derivation = try DiagramNetwork.softmax.derivation()
        for notation in [FourDiagramsNotation(depth: 2, indexing: .absolute) as any Notation, TextbookNotation(depth: 2)] {
            pictures += DiagramKind.allCases.map { NetworkDiagram(derivation: derivation, notation: notation, kind: $0) }
        }
        try expectCompiles(pictures)
    }

    @Test func usesNoTikZLibraries() throws {
        var tikz = ""
        for kind in DiagramKind.allCases { TikZDiagramWriter().write(try DiagramNetwork.note.diagram(kind), to: &tikz) }
        #expect(!tikz.contains("usetikzlibrary"))
        #expect(!tikz.contains("Stealth"))
    }

    @Test func scalesDownToTheLineOnlyWhenAsked() throws {
        let diagram = try DiagramNetwork.note.diagram(.cost)
        var fitted = "", natural = ""
        TikZDiagramWriter().write(diagram, to: &fitted)
        TikZDiagramWriter(fitsLineWidth: false).write(diagram, to: &natural)
        #expect(fitted.hasPrefix("\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n\\begin{tikzpicture}"))
        #expect(natural.hasPrefix("\\begin{tikzpicture}"))
        #expect(natural.hasSuffix("\\end{tikzpicture}\n"))
    }

    @Test func escapesWordsAndSetsSymbolsAsMath() throws {
        let printer = DiagramTextPrinter(LaTeXMath(), notation: NoteNotation(depth: 3), numbers: .diagram)
        let text = DiagramText([.words("50% of {x} & $y_1$ #2 ~ ^ \\"), .equals, .math(.constant(-1.5e-7))], style: .note)
        #expect(printer.string(text) == ##"\text{50\% of \{x\} \& \$y\_1\$ \#2 \textasciitilde{} \textasciicircum{} \textbackslash{}} = -1.5 \times 10^{-7}"##)
        let writer = TikZDiagramWriter()
        #expect(writer.caption(of: try DiagramNetwork.note.diagram(.backwardNode)) == "Backward propagation through $o_{n-1,1}$")
        #expect(writer.caption(of: try DiagramNetwork.note.diagram(.cost)) == "Computing the cost")
    }

    /// Compiles `pictures`, each in a centred paragraph as a handout sets it, with the handout's preamble.
    private func expectCompiles(_ pictures: [NetworkDiagram], sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let pdflatex = PDFLaTeX.required() else { return }
        let template = EmbeddedTemplates.handoutTeX
        var source = String(template[..<(template.range(of: "\\title")?.lowerBound ?? template.endIndex)])
        if !source.contains("\\usepackage{tikz}") { source += "\\usepackage{tikz}\n" }
        source += "\\begin{document}\n"
        let writer = TikZDiagramWriter()
        for picture in pictures {
            source += "\\section*{\(writer.caption(of: picture))}\n\\begin{center}\n"
            writer.write(picture, to: &source)
            source += "\\end{center}\n"
        }
        source += "\\end{document}\n"
        let result = try PDFLaTeX.compile(source, with: pdflatex)
        #expect(result.status == 0, "pdflatex failed: \(result.errors.joined(separator: "\n"))", sourceLocation: sourceLocation)
        #expect(result.producedPDF, sourceLocation: sourceLocation)
        #expect(result.errors.isEmpty, sourceLocation: sourceLocation)
        let worst = result.overfullWidths.max() ?? 0
        #expect(worst <= Self.tolerableOverfull, "a picture runs \(worst)pt into the margin", sourceLocation: sourceLocation)
    }
}
