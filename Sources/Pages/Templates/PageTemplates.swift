import Mustache

/// The Mustache templates of the pages, kept in the binary as Swift strings: one per page, each
/// inheriting the shared `layout` (`{{<layout}}` with `$title`, `$content` and `$scripts` blocks).
///
/// Rules the templates keep, and the tests check: every value is written with `{{name}}`, which escapes
/// `& < > " '`; never `{{{name}}}`. An `href` is only ever a value this target built from a validated
/// id or from percent-encoded filter values, and always starts with `/`, so it cannot carry a scheme.
enum PageTemplates {
    /// Template names, as the library knows them.
    enum Name: String, CaseIterable, Sendable {
        case layout
        case index
        case diagnosis
        case message
    }

    /// The source of each template.
    static func source(_ name: Name) -> String {
        switch name {
        case .layout: layout
        case .index: index
        case .diagnosis: diagnosis
        case .message: message
        }
    }

    /// All templates, parsed. Parsing fixed text cannot fail at run time once a test has parsed it, so a
    /// failure here is a programming error, reported with the template's name.
    static func library() -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in Name.allCases {
            do {
                try library.register(source(name), named: name.rawValue)
            } catch {
                preconditionFailure("page template \(name.rawValue) does not parse: \(error)")
            }
        }
        return library
    }

    /// The page skeleton: skip link, site header, one `<main>`, footer.
    static let layout = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{$title}}PullDoctor{{/title}} · PullDoctor</title>
        <link rel="stylesheet" href="/static/pulldoctor.css">
        {{$scripts}}{{/scripts}}
        </head>
        <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header class="site">
        <a class="brand" href="/">PullDoctor</a>
        <nav aria-label="Site">
        <a href="/">Incidents</a>
        <a href="/api/v1/incidents">JSON API</a>
        </nav>
        </header>
        <main id="main" tabindex="-1">
        {{$content}}{{/content}}
        </main>
        <footer class="site">
        <p>PullDoctor diagnoses Kubernetes image-pull failures. Times are in UTC.</p>
        </footer>
        </body>
        </html>

        """

    /// A page with a heading and a sentence: not found, bad request, store unavailable.
    static let message = """
        {{<layout}}
        {{$title}}{{heading}}{{/title}}
        {{$content}}
        <h1>{{heading}}</h1>
        <p class="lead">{{message}}</p>
        <p><a href="/">Back to the incidents</a></p>
        {{/content}}
        {{/layout}}
        """
}
