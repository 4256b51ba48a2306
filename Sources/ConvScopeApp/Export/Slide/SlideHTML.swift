import ConvCore
/// A slide as one self-contained HTML page that fills the window, keeping the picture's aspect.
/// An animated slide plays by CSS as in the SVG; the buttons pause it, step it a frame back or
/// forward, and play it on from the frame shown (the page works without its script too);
/// `#frame=N` in the address opens it paused on frame N.
public enum SlideHTML {
    /// The page; `language` is its lang.
    public static func export(_ slide: Slide, language: Language) -> String {
        let animated = !slide.frames.isEmpty
        let bg = slide.theme.background.hex, fg = slide.theme.foreground.hex
        let controlsHeight = animated ? 56 : 0
        var page = HTMLExporter.head(title: slide.title, language: language, style: """
            html, body { margin: 0; height: 100%; background: \(bg); color: \(fg); }
            body { display: flex; flex-direction: column; }
            #slide { flex: 1; min-height: 0; width: 100%; display: block; }
            #controls { height: \(controlsHeight)px; display: flex; gap: 12px; align-items: center; justify-content: center;
              font: 20px \(SVGExporter.fontFamily); }
            #controls button { font: inherit; padding: 4px 16px; }
            svg.manual .frame { animation: none; visibility: hidden; }
            svg.manual .frame.current { visibility: visible; }
            """)
        page += SlideSVG.element(slide, id: "slide")
        if animated { page += controls(frames: slide.frames.count, seconds: slide.frameSeconds, language: language) }
        return page + "</body>\n</html>\n"
    }

    /// The buttons and the script behind them. Paused or stepping, the page shows one frame by
    /// class; playing restarts every frame's animation with delays that continue from it.
    static func controls(frames n: Int, seconds: Double, language l: Language) -> String {
        let w = SlideWords.self
        return """
        <div id="controls">
        <button id="back" type="button">&#9664; \(w.step(l))</button>
        <button id="play" type="button">\(w.pause(l))</button>
        <button id="forward" type="button">\(w.step(l)) &#9654;</button>
        <span id="counter">\(w.frame(l)) 1 \(w.of(l)) \(n)</span>
        </div>
        <script>
        //<![CDATA[
        (function () {
          var svg = document.getElementById("slide"), frames = svg.querySelectorAll(".frame");
          var n = \(n), seconds = \(SlideSVG.number(seconds)), start = performance.now(), first = 0, current = 0;
          var playing = true, play = document.getElementById("play"), counter = document.getElementById("counter");
          function shown() { return playing ? (first + Math.floor((performance.now() - start) / 1000 / seconds)) % n : current; }
          function show(i) {
            current = ((i % n) + n) % n;
            frames.forEach(function (f, k) { f.classList.toggle("current", k === current); });
            counter.textContent = "\(w.frame(l)) " + (current + 1) + " \(w.of(l)) " + n;
          }
          function pause() { current = shown(); playing = false; svg.classList.add("manual"); show(current); play.textContent = "\(w.play(l))"; }
          function resume() {
            first = current; start = performance.now(); playing = true;
            frames.forEach(function (f, k) { f.style.animation = "none"; f.getBBox(); f.style.animation = "";
              f.style.animationDelay = ((k - first) * seconds) + "s"; });
            svg.classList.remove("manual"); play.textContent = "\(w.pause(l))";
          }
          play.onclick = function () { if (playing) { pause(); } else { resume(); } };
          document.getElementById("forward").onclick = function () { if (playing) { pause(); } show(current + 1); };
          document.getElementById("back").onclick = function () { if (playing) { pause(); } show(current - 1); };
          // page.html#frame=3 opens paused on frame 3, for a link to the step a talk stops on.
          var linked = /frame=([0-9]+)/.exec(location.hash);
          if (linked) { pause(); show(parseInt(linked[1], 10) - 1); }
          setInterval(function () { if (playing) { counter.textContent = "\(w.frame(l)) " + (shown() + 1) + " \(w.of(l)) " + n; } }, 100);
        })();
        //]]>
        </script>

        """
    }
}
