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
        let html = try String(contentsOf: SourceTree.path("templates/handout.html"), encoding: .utf8)
        #expect(EmbeddedTemplates.handoutTeX == tex)
        #expect(EmbeddedTemplates.handoutMarkdown == markdown)
        #expect(EmbeddedTemplates.handoutHTML == html)
        Snapshot.expect(Self.source(tex: tex, markdown: markdown, html: html),
                        matches: SourceTree.path("Sources/BackpropRendering/EmbeddedTemplates.swift"))
    }

    @Test func templatesHaveTheirPlaceholders() {
        #expect(Set(Template.latexHandout.placeholders) == ["title", "author", "date", "body"])
        #expect(Set(Template.markdownHandout.placeholders) == ["title", "byline", "body"])
        #expect(Set(Template.htmlHandout.placeholders) == ["title", "byline", "body"])
    }

    @Test func placeholderInsideBracesIsFound() {
        #expect(Template(text: #"\title{{{title}}} {{ x }} {{body}}"#).pieces(["title": "T"]) == [#"\title{T} {{ x }} "#, ""])
    }

    @Test func templatesParseAsBefore() {
        #expect(Template(text: "{{{{a}}}}").pieces(["a": "A"]) == ["{{A}}"])
        #expect(Template(text: "{{a}}{{b-c_d}}{{é}}{{1}}{{}}{{a}").pieces(["a": "A", "b-c_d": "B", "é": "E"]) == ["ABE{{1}}{{}}{{a}"])
        #expect(Template(text: "x{{body}}y{{body}}").pieces([:]) == ["x", "y", ""])
        #expect(Template(text: "").segments.isEmpty)
    }

    /// A template is parsed in one pass: 200,000 placeholders, or 400,000 braces that make none, in a
    /// fraction of a second (the former parser took 26 s on 40,000 braces).
    @Test func largeTemplatesParseInLinearTime() {
        let placeholders = Template(text: String(repeating: "x{{title}}", count: 200_000))
        #expect(placeholders.placeholders.count == 200_000)
        #expect(placeholders.segments.count == 400_000)
        let braces = String(repeating: "{", count: 400_000) + String(repeating: "}", count: 400_000)
        #expect(Template(text: braces).segments == [.literal(braces)])
        let unclosed = String(repeating: "{{title", count: 100_000)
        #expect(Template(text: unclosed).segments == [.literal(unclosed)])
    }

    /// The Swift source embedding the templates, as `RECORD_SNAPSHOTS=1 swift test` writes it.
    static func source(tex: String, markdown: String, html: String) -> String {
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

            /// templates/handout.html
            static let handoutHTML = #\"\"\"
        \(html)
        \"\"\"#
        }

        """
    }
}
