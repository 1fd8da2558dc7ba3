extension PageTemplates {
    /// `GET /diagnoses/{id}`: one diagnosis in full. Rendered with a ``DiagnosisView``.
    ///
    /// Commands sit in `<pre><code>` with a copy button that ships `hidden`: `/static/copy.js` reveals
    /// it, and without JavaScript the command is plain selectable text.
    static let diagnosis = """
        {{<layout}}
        {{$title}}{{title}}{{/title}}
        {{$scripts}}<script src="/static/copy.js" defer></script>{{/scripts}}
        {{$content}}
        <p><a href="/">All incidents</a></p>
        <h1>{{heading}}</h1>
        <p><span class="badge {{statusClass}}">{{statusLabel}}</span> <span class="badge neutral">confidence {{confidence}}</span>{{#partial}} <span class="badge pending">partial</span>{{/partial}}</p>
        <p class="lead">{{summary}}</p>
        {{#hasNotice}}<p class="notice">{{notice}}{{#hasCurrentLink}} <a href="{{currentURL}}">See the current diagnosis</a>.{{/hasCurrentLink}}</p>{{/hasNotice}}

        <section aria-labelledby="cause-heading">
        <h2 id="cause-heading">Cause</h2>
        <dl class="facts">
        {{#facts}}<dt>{{term}}</dt><dd>{{#isCode}}<code>{{value}}</code>{{/isCode}}{{^isCode}}{{value}}{{/isCode}}</dd>
        {{/facts}}
        </dl>
        {{#hasMeaning}}<p>{{meaning}}</p>{{/hasMeaning}}
        </section>

        <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        {{#hasEvidence}}
        <ol class="evidence">
        {{#evidence}}
        <li><span class="source">{{sourceLabel}}</span><br>{{observation}}
        {{#hasQuote}}<blockquote><pre>{{quote}}</pre></blockquote>{{/hasQuote}}</li>
        {{/evidence}}
        </ol>
        {{/hasEvidence}}
        {{^hasEvidence}}<p>No evidence was recorded.</p>{{/hasEvidence}}
        </section>

        <section aria-labelledby="fix-heading">
        <h2 id="fix-heading">How to fix it</h2>
        {{#hasSteps}}
        <ol class="steps">
        {{#steps}}
        <li><p>{{title}}</p>
        {{#commands}}<div class="command"><pre><code id="{{codeID}}">{{text}}</code></pre><button type="button" data-copy="{{codeID}}" hidden>Copy</button></div>
        {{/commands}}
        </li>
        {{/steps}}
        </ol>
        <p id="copy-status" class="visually-hidden" role="status"></p>
        {{/hasSteps}}
        {{^hasSteps}}<p>No fix is known for this cause yet.</p>{{/hasSteps}}
        </section>

        <section aria-labelledby="affected-heading">
        <h2 id="affected-heading">Affected containers</h2>
        {{#hasAffected}}
        <table class="stack">
        <thead><tr><th scope="col">Pod</th><th scope="col">Container</th><th scope="col">Waiting reason</th><th scope="col">Node</th></tr></thead>
        <tbody>
        {{#affected}}<tr><th scope="row">{{namespace}}/{{pod}}</th><td data-label="Container">{{container}}{{#initContainer}} <span class="muted">(init)</span>{{/initContainer}}</td><td data-label="Waiting reason">{{waitingReason}}</td><td data-label="Node">{{nodeName}}</td></tr>
        {{/affected}}
        </tbody>
        </table>
        {{/hasAffected}}
        {{^hasAffected}}<p>No container was recorded as failing.</p>{{/hasAffected}}
        </section>

        <section aria-labelledby="unchecked-heading">
        <h2 id="unchecked-heading">What could not be checked</h2>
        {{#hasUnchecked}}
        <ul class="plain">{{#unchecked}}<li><strong>{{what}}</strong>: {{why}}</li>
        {{/unchecked}}</ul>
        {{/hasUnchecked}}
        {{^hasUnchecked}}<p>Everything the diagnosis looks at could be checked.</p>{{/hasUnchecked}}
        </section>

        <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol class="timeline">
        {{#timeline}}<li><time datetime="{{at.iso}}">{{at.text}}</time>: {{text}}{{#hasDetail}} <span class="code muted">{{detail}}</span>{{/hasDetail}}</li>
        {{/timeline}}
        </ol>
        </section>

        <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Deliveries</h2>
        {{#hasDeliveries}}
        <table class="stack">
        <thead><tr><th scope="col">Sink</th><th scope="col">Message</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last attempt</th><th scope="col">Last error</th></tr></thead>
        <tbody>
        {{#deliveries}}<tr><th scope="row">{{sink}}</th><td data-label="Message">{{kind}}</td><td data-label="Status"><span class="badge {{statusClass}}">{{statusLabel}}</span></td><td data-label="Attempts">{{attempts}}</td><td data-label="Last attempt">{{lastAttempt}}</td><td data-label="Last error">{{lastError}}</td></tr>
        {{/deliveries}}
        </tbody>
        </table>
        {{/hasDeliveries}}
        {{^hasDeliveries}}<p>No notification was queued for this incident.</p>{{/hasDeliveries}}
        </section>

        {{#hasHistory}}
        <section aria-labelledby="history-heading">
        <h2 id="history-heading">All diagnoses of this incident</h2>
        <ol class="timeline">
        {{#history}}<li>{{#isThis}}<strong>{{label}}</strong> (this page){{/isThis}}{{^isThis}}<a href="{{url}}">{{label}}</a>{{/isThis}}, <time datetime="{{createdAt.iso}}">{{createdAt.text}}</time></li>
        {{/history}}
        </ol>
        </section>
        {{/hasHistory}}

        <p><a href="{{jsonURL}}">This diagnosis as JSON</a></p>
        {{/content}}
        {{/layout}}
        """
}
