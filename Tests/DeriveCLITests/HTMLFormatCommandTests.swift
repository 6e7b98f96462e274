@testable import DeriveCLI
import Foundation
import TestSupport
import Testing

/// `--format html` from the command line: one page on standard output or in a file, a class set of pages and
/// a key page, a graph derivation, and a user's page template.
@Suite struct HTMLFormatCommandTests {
    @Test func networkPageGoesToStandardOutput() {
        let run = deriveInProcess(["--layers", "2", "--format", "html"])
        #expect(run.code == .success && run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\""))
        let page = XMLOutline(run.stdout)
        #expect(page.error == nil)
        #expect(page.elements(named: "svg").count == 6, "the network, the four diagrams and the gradient sizes, inline")
        #expect(run.stdout.contains("Regenerate the handout with <code>derive --layers 2 --format html</code>"))
    }

    @Test func directoryGetsHandoutHTML() throws {
        let directory = try TemporaryDirectory()
        #expect(deriveInProcess(["--layers", "1", "--format", "html", "--output", directory.path("out") + "/"]).code == .success)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("out")) == ["handout.html"])
    }

    @Test func classSetIsPagesAndAKeyPage() throws {
        let directory = try TemporaryDirectory()
        let run = deriveInProcess(["--exercise", "--students", "2", "--layers", "1", "--format", "html", "--output", directory.path("class") + "/"])
        #expect(run.code == .success, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path("class")).sorted()
        #expect(names == ["key.html", "sheet-1.html", "sheet-2.html"])
        for name in names {
            let page = XMLOutline(try String(contentsOfFile: directory.path("class/" + name), encoding: .utf8))
            #expect(page.error == nil, "\(name)")
            #expect(page.elements(named: "input").isEmpty == (name == "key.html"), "\(name)")
        }
    }

    @Test func graphPageShowsEveryStep() {
        let run = deriveInProcess(["--expr", "(a+b)*(b+1)", "--at", "a=2,b=1", "--format", "html"])
        #expect(run.code == .success)
        let page = XMLOutline(run.stdout)
        #expect(page.error == nil)
        #expect(page.elements(named: "svg").count == 1, "the computational graph, inline")
        #expect(run.stdout.contains("alttext=\"e = c · d = 3 · 2 = 6\""))
        #expect(run.stdout.contains("alttext=\"b̄ = c̄ · ∂c/∂b + d̄ · ∂d/∂b = 2 · 1 + 3 · 1 = 5\""))
    }

    @Test func templateFramesThePage() throws {
        let directory = try TemporaryDirectory()
        let template = try directory.write("<!DOCTYPE html>\n<html lang=\"fr\"><body><h1>{{title}}</h1>{{body}}</body></html>\n", to: "page.html")
        let run = deriveInProcess(["--layers", "1", "--format", "html", "--template", template, "--title", "Rétropropagation <1>"])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\"><body><h1>Rétropropagation &lt;1&gt;</h1><section>"))
        #expect(XMLOutline(run.stdout).error == nil)
    }
}
