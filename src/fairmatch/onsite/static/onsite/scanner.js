// Badge scanner: reads QR codes from the phone's camera with the vendored jsQR (offline)
// and submits the code into the form named by data-scanner-form. Without a camera (or
// permission), the page works by typing the code or searching by name.
"use strict";

(function () {
  const box = document.querySelector("[data-scanner]");
  if (!box || typeof jsQR !== "function") return;
  const form = document.getElementById(box.dataset.scannerForm);
  const startButton = box.querySelector("[data-scanner-start]");
  const video = box.querySelector("video");
  const status = box.querySelector("[data-scanner-status]");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let last = "";
  let lastAt = 0;

  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    startButton.hidden = true;
    status.textContent = box.dataset.noCamera;
    return;
  }

  function submit(code) {
    form.querySelector("[name=code]").value = code;
    form.querySelector("[name=method]").value = "scan";
    form.requestSubmit();
  }

  function tick() {
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      const now = Date.now();
      // The same badge held in front of the camera is submitted once every 3 seconds at most.
      if (found && found.data && (found.data !== last || now - lastAt > 3000)) {
        last = found.data;
        lastAt = now;
        submit(found.data);
      }
    }
    requestAnimationFrame(tick);
  }

  startButton.addEventListener("click", async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "environment" },
        audio: false,
      });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      startButton.hidden = true;
      status.textContent = box.dataset.scanning;
      requestAnimationFrame(tick);
    } catch (error) {
      status.textContent = box.dataset.noCamera;
    }
  });

  // After each check-in the code field is ready for the next badge.
  document.body.addEventListener("htmx:afterSwap", () => {
    const input = form.querySelector("[name=code]");
    input.value = "";
    form.querySelector("[name=method]").value = "code";
  });
})();
