extension PageTemplates {
    /// `GET /`: counts by status and cause, the filter form, the incident table, pagination.
    /// Rendered with an ``IndexView``.
    static let index = """
        {{<layout}}
        {{$title}}{{title}}{{/title}}
        {{$content}}
        <h1>Image pull incidents</h1>
        <p class="lead">{{summary}}</p>
        {{#hasProblems}}
        <div class="notice" role="alert">
        <p>Some filters could not be used and were ignored:</p>
        <ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul>
        </div>
        {{/hasProblems}}

        <section aria-labelledby="overview">
        <h2 id="overview">Overview</h2>
        <h3 id="by-status">By status</h3>
        <ul class="counts" aria-labelledby="by-status">
        {{#statusLinks}}<li><a href="{{url}}"{{#current}} aria-current="true"{{/current}}>{{label}}<span class="count">{{count}}</span></a></li>
        {{/statusLinks}}
        </ul>
        <h3 id="by-cause">By cause</h3>
        <ul class="counts" aria-labelledby="by-cause">
        {{#causeLinks}}<li><a href="{{url}}"{{#current}} aria-current="true"{{/current}}>{{label}}<span class="count">{{count}}</span></a></li>
        {{/causeLinks}}
        {{#hasUndiagnosed}}<li><span>Not diagnosed yet<span class="count">{{undiagnosedTotal}}</span></span></li>{{/hasUndiagnosed}}
        </ul>
        </section>

        <section aria-labelledby="filter-heading">
        <h2 id="filter-heading">Filter and search</h2>
        <form class="filters" method="get" action="/" role="search" aria-labelledby="filter-heading">
        <div>
        <label for="filter-status">Status</label>
        <select id="filter-status" name="status">
        {{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>
        {{/statusOptions}}
        </select>
        </div>
        <div>
        <label for="filter-category">Cause</label>
        <select id="filter-category" name="category">
        {{#categoryOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>
        {{/categoryOptions}}
        </select>
        </div>
        <div>
        <label for="filter-namespace">Namespace</label>
        <input id="filter-namespace" name="namespace" type="text" value="{{namespaceValue}}" maxlength="256" autocomplete="off" spellcheck="false">
        </div>
        <div>
        <label for="filter-q">Search</label>
        <input id="filter-q" name="q" type="search" value="{{searchValue}}" maxlength="256" autocomplete="off" spellcheck="false" placeholder="name, image, reason">
        </div>
        <div class="actions">
        <button type="submit">Apply</button>
        <a class="button secondary" href="/">Clear</a>
        </div>
        </form>
        </section>

        <section aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">Incidents</h2>
        {{#hasRows}}
        <p class="muted">{{rangeText}}</p>
        <table class="stack">
        <caption class="visually-hidden">Incidents, most recent activity first</caption>
        <thead>
        <tr><th scope="col">Workload</th><th scope="col">Status</th><th scope="col">Cause</th><th scope="col">Image</th><th scope="col">Last activity</th></tr>
        </thead>
        <tbody>
        {{#rows}}
        <tr>
        <th scope="row">{{#hasDiagnosis}}<a href="{{diagnosisURL}}">{{namespace}}/{{ownerName}}</a>{{/hasDiagnosis}}{{^hasDiagnosis}}{{namespace}}/{{ownerName}}{{/hasDiagnosis}}<br><span class="kind">{{ownerKind}}</span></th>
        <td data-label="Status"><span class="badge {{statusClass}}">{{statusLabel}}</span></td>
        <td data-label="Cause">{{#hasCause}}{{causeLabel}} <span class="code muted">{{reason}}</span>{{/hasCause}}{{^hasCause}}<span class="muted">not diagnosed yet</span>{{/hasCause}}</td>
        <td data-label="Image" class="code">{{image}}</td>
        <td data-label="Last activity"><time datetime="{{lastSeen.iso}}">{{lastSeen.text}}</time></td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        {{#hasPages}}
        <nav class="pages" aria-label="Pages">
        {{#hasPrevious}}<a href="{{previousURL}}" rel="prev">Previous page</a>{{/hasPrevious}}
        <span>{{pageText}}</span>
        {{#hasNext}}<a href="{{nextURL}}" rel="next">Next page</a>{{/hasNext}}
        </nav>
        {{/hasPages}}
        {{/hasRows}}
        {{^hasRows}}
        <p>{{emptyText}}</p>
        {{/hasRows}}
        </section>
        {{/content}}
        {{/layout}}
        """
}
