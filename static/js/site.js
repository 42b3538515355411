// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // Copy buttons: <button data-copy="element-id" hidden> copies that element's text.
  document.querySelectorAll("button[data-copy]").forEach((button) => {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      const status = button.parentElement.querySelector("[role=status]");
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        if (status) status.textContent = "已复制";
      } catch (error) {
        if (status) status.textContent = "无法访问剪贴板，请手动选择文本复制";
      }
    });
  });

  // A long table of contents starts folded on a phone, so the text is one scroll away.
  if (window.matchMedia("(max-width: 56rem)").matches) {
    document.querySelectorAll("details[data-collapse-narrow]").forEach((details) => {
      if (!location.hash) details.open = false;
    });
  }
});
