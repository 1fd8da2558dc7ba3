extension StaticAsset {
    /// `/static/copy.js`: the copy buttons of the fix commands, and nothing else.
    ///
    /// The buttons ship `hidden`, so without JavaScript the page shows plain, selectable commands; the
    /// script reveals them. `navigator.clipboard` exists only in secure contexts (HTTPS or localhost),
    /// and PullDoctor is often reached over plain HTTP inside a cluster, hence the `<textarea>` +
    /// `execCommand("copy")` fallback, and, when even that fails, selecting the text for Ctrl+C.
    static let copyScript = StaticAsset(path: "/static/copy.js", contentType: "text/javascript; charset=utf-8", body: """
        "use strict";
        (function () {
          var status = document.getElementById("copy-status");

          function announce(text) {
            if (status) { status.textContent = text; }
          }

          function copyWithTextarea(text) {
            var area = document.createElement("textarea");
            area.value = text;
            area.setAttribute("readonly", "");
            area.className = "visually-hidden";
            document.body.appendChild(area);
            area.select();
            var copied = false;
            try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
            document.body.removeChild(area);
            return copied;
          }

          function selectText(element) {
            var range = document.createRange();
            range.selectNodeContents(element);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
          }

          function done(button, code, copied) {
            if (copied) {
              button.textContent = "Copied";
              announce("Command copied to the clipboard.");
            } else {
              selectText(code);
              button.textContent = "Selected";
              announce("Copying is not allowed here: the command is selected, press Ctrl+C to copy it.");
            }
            window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
          }

          function copy(button) {
            var code = document.getElementById(button.getAttribute("data-copy"));
            if (!code) { return; }
            var text = code.textContent;
            if (navigator.clipboard && window.isSecureContext) {
              navigator.clipboard.writeText(text).then(
                function () { done(button, code, true); },
                function () { done(button, code, copyWithTextarea(text)); });
            } else {
              done(button, code, copyWithTextarea(text));
            }
          }

          var buttons = document.querySelectorAll("button[data-copy]");
          for (var i = 0; i < buttons.length; i++) {
            buttons[i].hidden = false;
            buttons[i].addEventListener("click", function (event) { copy(event.currentTarget); });
          }
        })();
        """)
}
