// Progressive enhancement for applying by email: a "Copy address" button next to the address,
// for candidates without a mail client. Without it the address is plain text to select.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var address = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!address) return;
    function select() { // the fallback: the address selected, ready for Ctrl+C or "Copy"
      var range = document.createRange();
      range.selectNodeContents(address);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    button.addEventListener("click", function () {
      var text = address.textContent.trim();
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text)
        : Promise.reject(new Error("no clipboard"));
      copied.then(function () {
        status.textContent = button.getAttribute("data-done");
      }, function () {
        select();
        status.textContent = button.getAttribute("data-failed");
      });
    });
    button.hidden = false;
  });
})();
