import BackpropKit
@testable import BackpropRendering
import Testing

/// Text a user supplies (titles, authors) comes out literally in every format.
@Suite struct EscapingTests {
    static let hostileTitle = ##"50% of \ $x$ & {y} #1 ~ ^ _ *bold* `code` <b> | done"##

    @Test func latexEscapesEverySpecialCharacter() {
        #expect(##"\ $ % # _ { } & ~ ^"##.latexEscaped
                == ##"\textbackslash{} \$ \% \# \_ \{ \} \& \textasciitilde{} \textasciicircum{}"##)
        #expect("plain words".latexEscaped == "plain words")
        #expect("∂δ/∂w − 1".latexEscaped == ##"\ensuremath{\partial}\ensuremath{\delta}/\ensuremath{\partial}w \ensuremath{-} 1"##)
    }

    @Test func markdownEscapesEverySpecialCharacter() {
        #expect("* _ ` < > |".markdownEscaped == ##"\* \_ \` \< \> \|"##)
        #expect("plain words".markdownEscaped == "plain words")
    }

    @Test func hostileTitleInEveryHandout() throws {
        let derivation = try Derivation(network: NetworkBlueprint(widths: [1, 1], activations: [.sigmoid]).network())
        let info = HandoutInfo(title: Self.hostileTitle, author: "A & B")
        var latex = ""
        let handout = Handout(.network(derivation), info: info, notation: NoteNotation(depth: 1))
        var formatter = LaTeXFormatter()
        formatter.format(handout, to: &latex)
        // A long title breaks at a space into lines TeX's buffer holds; the line break is a space.
        #expect(latex.replacingOccurrences(of: "\n", with: " ").contains(##"\title{50\% of \textbackslash{} \$x\$ \& \{y\} \#1 \textasciitilde{} \textasciicircum{} \_ *bold* `code` \textless{}b\textgreater{} \textbar{} done}"##))
        var markdown = ""
        var markdownFormatter = MarkdownFormatter()
        markdownFormatter.format(handout, to: &markdown)
        #expect(markdown.hasPrefix(##"# 50% of \\ \$x\$ \& \{y\} \#1 \~ \^ \_ \*bold\* \`code\` \<b\> \| done"##))
    }
}
