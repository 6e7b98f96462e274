import Foundation
import TestSupport
import Testing

/// The gallery's web pages in a real browser: headless Chromium lays out a copy of each page at desktop and
/// phone width with a test script added, which writes what it finds into the page for `--dump-dom` to print.
/// Every `<math>` must have a box, nothing may stick out sideways, the page may request nothing, and the
/// exercise page must mark right and wrong values typed into its own inputs.
///
/// Without Chromium the tests pass quietly, except in CI (`CI=true`), where `.ci/run` installs it and its
/// absence fails them.
@Suite(.serialized) struct BrowserTests {
    /// A gallery page at one window width.
    struct Case: CustomTestStringConvertible, Sendable {
        let page: String
        let width: Int
        var testDescription: String { "\(page).html at \(width) px" }
    }

    static let cases = OutputGalleryTests.pages.sorted().flatMap { page in [1000, 400].map { Case(page: page, width: $0) } }

    /// What the test script reports.
    struct Findings: Decodable {
        /// The `alttext` of each formula laid out without a box.
        let unlaidMath: [String?]
        /// The elements reaching past the window's right edge outside a box that scrolls, or the page's widths.
        let overflow: [String]
        /// The requests the page made or tried to make.
        let requests: [String]
        /// The class and mark of an input after each of: its answer, a wrong value, a value within the
        /// rounding, and a negative answer with a minus sign and a decimal comma; `nil` on a page without
        /// inputs.
        let marks: [String]?
    }

    @Test(arguments: cases)
    func galleryPageRendersInChromium(_ test: Case) throws {
        guard let chromium = ExternalTool.required("chromium") else { return }
        let page = try String(contentsOf: SourceTree.path("output/\(test.page).html"), encoding: .utf8)
        let findings = try Self.render(page, width: test.width, with: chromium)
        #expect(findings.unlaidMath.isEmpty, "formulas without a box: \(findings.unlaidMath)")
        #expect(findings.overflow.isEmpty, "wider than \(test.width) px: \(findings.overflow.prefix(5))")
        #expect(findings.requests.isEmpty, "requests: \(findings.requests)")
        if test.page == "exercise" {
            let marks = try #require(findings.marks)
            #expect(marks.count == 4, "\(marks)")
            #expect(marks.first?.hasPrefix("right|✓") == true, "the answer: \(marks)")
            #expect(marks.dropFirst().first?.hasPrefix("wrong|✗") == true, "a wrong value: \(marks)")
            #expect(marks.dropFirst(2).allSatisfy { $0.hasPrefix("right|✓") }, "within the rounding, and with − and a comma: \(marks)")
        } else {
            #expect(findings.marks == nil)
        }
    }

    /// The checks fail on a page that breaks each rule.
    @Test func checksCatchABrokenPage() throws {
        guard let chromium = ExternalTool.required("chromium") else { return }
        let page = try String(contentsOf: SourceTree.path("output/exercise.html"), encoding: .utf8)
        let broken = page.replacingOccurrences(of: "<main>", with: "<main><img src=\"http://example.com/x.png\" alt=\"\"/>"
            + "<div style=\"width: 1200px\">wide</div><math alttext=\"empty\"></math>")
            .replacingOccurrences(of: "input.classList.toggle(\"right\", right === true);", with: "")
        let findings = try Self.render(broken, width: 1000, with: chromium)
        #expect(findings.unlaidMath == ["empty"])
        #expect(!findings.overflow.isEmpty)
        #expect(findings.requests.contains("http://example.com/x.png"))
        #expect(findings.marks?.first?.hasPrefix("right") == false)
    }

    // MARK: - Rendering

    /// Lays out `page` with the test script in a window `width` pixels wide and returns what the script found.
    static func render(_ page: String, width: Int, with chromium: ExternalTool) throws -> Findings {
        let directory = try TemporaryDirectory()
        let file = directory.path("page.html")
        try page.replacingOccurrences(of: "<head>", with: "<head>\n<script>" + checkScript + "</script>")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try chromium.run(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                                    "--user-data-dir=" + directory.path("profile"), "--window-size=\(width),900", "--dump-dom", file])
        let marker = "<pre id=\"browser-findings\">"
        guard let start = run.stdout.range(of: marker), let end = run.stdout.range(of: "</pre>", range: start.upperBound..<run.stdout.endIndex) else {
            throw BrowserError(message: "Chromium printed no findings (status \(run.status)): \(run.stderr.suffix(500))")
        }
        let json = String(run.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Findings.self, from: Data(json.utf8))
    }

    struct BrowserError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Listens for blocked requests, then after loading opens every `<details>` and reports formulas without a
    /// box, what reaches past the window outside a sideways-scrolling box, the requests made, and the marks of
    /// values typed into its inputs: the answer, a wrong value, one within the rounding of the answer, and a
    /// negative answer written with a minus sign and a decimal comma.
    static let checkScript = """
        (function () {
          const findings = { unlaidMath: [], overflow: [], requests: [], marks: null };
          document.addEventListener("securitypolicyviolation", function (event) { findings.requests.push(event.blockedURI); });
          window.addEventListener("load", function () {
            for (const details of document.querySelectorAll("details")) details.open = true;
            for (const math of document.querySelectorAll("math")) {
              const box = math.getBoundingClientRect();
              if (!(box.width > 0 && box.height > 0)) findings.unlaidMath.push(math.getAttribute("alttext"));
            }
            const page = document.documentElement;
            if (page.scrollWidth > page.clientWidth) {
              for (const element of document.body.querySelectorAll("*")) {
                const box = element.getBoundingClientRect();
                if (box.right > page.clientWidth + 0.5 && !element.closest(".equation, .table")) findings.overflow.push(element.tagName + " " + element.className);
              }
              if (findings.overflow.length === 0) findings.overflow.push("page " + page.scrollWidth + " > " + page.clientWidth);
            }
            for (const entry of performance.getEntriesByType("resource")) findings.requests.push(entry.name);
            const inputs = document.querySelectorAll("input[data-answer]");
            const negative = Array.from(inputs).find(function (input) { return input.dataset.answer.startsWith("-"); });
            if (inputs.length > 2 && negative) {
              findings.marks = [];
              const near = Number(inputs[2].dataset.answer) + 0.9 * Number(inputs[2].dataset.tolerance);
              const written = negative.dataset.answer.replace("-", "\\u2212").replace(".", ",");
              [[inputs[0], inputs[0].dataset.answer], [inputs[1], String(Number(inputs[1].dataset.answer) * 1.5 + 1)],
               [inputs[2], String(near)], [negative, written]].forEach(function (typed) {
                typed[0].value = typed[1];
                typed[0].dispatchEvent(new Event("change"));
                findings.marks.push(typed[0].className + "|" + typed[0].nextElementSibling.textContent);
              });
            }
            const report = document.createElement("pre");
            report.id = "browser-findings";
            report.textContent = JSON.stringify(findings);
            document.body.appendChild(report);
          });
        })();
        """
}
