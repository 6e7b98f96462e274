import BackpropKit
@testable import BackpropRendering
import Foundation
import TestSupport
import Testing

/// The templates compiled into the binary (so a copied `derive` still finds them) must be the files in `templates/`.
@Suite struct EmbeddedTemplatesTests {
    @Test func embeddedTemplatesMatchTemplatesFolder() throws {
        let tex = try String(contentsOf: SourceTree.path("templates/handout.tex"), encoding: .utf8)
        let markdown = try String(contentsOf: SourceTree.path("templates/handout.md"), encoding: .utf8)
        #expect(EmbeddedTemplates.handoutTeX == tex)
        #expect(EmbeddedTemplates.handoutMarkdown == markdown)
        Snapshot.expect(Self.source(tex: tex, markdown: markdown),
                        matches: SourceTree.path("Sources/BackpropRendering/EmbeddedTemplates.swift"))
    }

    @Test func templatesHaveTheirPlaceholders() {
        #expect(Set(Template.latexHandout.placeholders) == ["title", "author", "date", "body"])
        #expect(Set(Template.markdownHandout.placeholders) == ["title", "byline", "body"])
    }

    @Test func placeholderInsideBracesIsFound() {
        #expect(Template(text: #"\title{{{title}}} {{ x }} {{body}}"#).pieces(["title": "T"]) == [#"\title{T} {{ x }} "#, ""])
    }

    /// The Swift source embedding the templates, as `RECORD_SNAPSHOTS=1 swift test` writes it.
    static func source(tex: String, markdown: String) -> String {
        """
        // Generated from templates/ by `RECORD_SNAPSHOTS=1 swift test --filter EmbeddedTemplatesTests`. Do not edit.

        /// The document skeletons of `templates/`, compiled into the binary so it works from any directory.
        enum EmbeddedTemplates {
            /// templates/handout.tex
            static let handoutTeX = #\"\"\"
        \(tex)
        \"\"\"#

            /// templates/handout.md
            static let handoutMarkdown = #\"\"\"
        \(markdown)
        \"\"\"#
        }

        """
    }
}
