// Progressive enhancement only: every page works without this file.

// A print button (hidden without JavaScript, where the browser's own print command does the same).
document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
