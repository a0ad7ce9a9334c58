// The acknowledgement's "print" button (the page prints fine with Ctrl+P too).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
