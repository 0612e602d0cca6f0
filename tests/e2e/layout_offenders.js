/*
 * Every offender on the screen (or in the open dialog, when one is open), as
 * {problem, selector, text}. Checked: the page never scrolls sideways; every visible text
 * (element or text run) lies within the viewport horizontally and inside its own element's
 * box; an element that hides its overflow shows all its text (unless it is an ellipsis with a
 * title that says it all); and no two sibling boxes holding text overlap.
 *
 * Evaluated with Playwright's page.evaluate (tests/e2e/test_language_layout.py); returns a list.
 */
() => {
  const SLACK = 1; // px of rounding allowed
  const OVERLAP = 3; // px both ways before two boxes count as overlapping
  const width = window.innerWidth;
  const offenders = [];
  const root = document.querySelector('dialog[open]') ?? document.body;

  const selector = (el) => {
    const parts = [];
    for (let node = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      let part = node.localName;
      if (node.id) part += `#${node.id}`;
      else if (node.classList.length) part += `.${[...node.classList].join('.')}`;
      parts.unshift(part);
      if (node.id) break;
    }
    return parts.join(' > ');
  };
  const textOf = (node) =>
    (node.nodeType === Node.TEXT_NODE ? node.data : (node.innerText ?? node.textContent ?? ''))
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80);
  const report = (problem, el, text) =>
    offenders.push({ problem, selector: selector(el), text: text ?? textOf(el) });

  // Screen-reader-only text is 1 px and clipped on purpose.
  const srOnly = (el) => {
    const r = el.getBoundingClientRect();
    return r.width <= 1 && r.height <= 1;
  };
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !srOnly(el);
  // Inside a box that scrolls sideways on purpose, the box is checked, not its contents.
  const scrollsSideways = (el) => {
    for (let node = el.parentElement; node && node !== root; node = node.parentElement) {
      const x = getComputedStyle(node).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  const hasText = (el) =>
    /\S/.test(el.textContent ?? '') ||
    (el.localName === 'input' && ['placeholder', 'value'].some((a) => /\S/.test(el.getAttribute(a) ?? '')));
  const rectsOf = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const range = document.createRange();
      range.selectNodeContents(node);
      return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    }
    // An inline element is its line boxes (a link that wraps is not one big rectangle).
    const inline = getComputedStyle(node).display === 'inline';
    const rects = inline ? [...node.getClientRects()] : [node.getBoundingClientRect()];
    return rects.filter((r) => r.width > 0 && r.height > 0);
  };
  const overlaps = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > OVERLAP &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > OVERLAP;

  const scroller = document.scrollingElement;
  if (scroller.scrollWidth > width) {
    offenders.push({ problem: `page scrolls sideways (${scroller.scrollWidth} > ${width})`, selector: 'html', text: '' });
  }

  const skipped = ['script', 'style', 'template', 'svg', 'path', 'option'];
  const elements = [root, ...root.querySelectorAll('*')].filter((el) => !skipped.includes(el.localName) && visible(el));
  const shownSet = new Set(elements);
  for (const el of elements) {
    if (!hasText(el) || scrollsSideways(el)) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    // The skip link waits above the screen until it is focused.
    const parkedAbove = style.position === 'absolute' && box.bottom <= 0;
    if (!parkedAbove && (box.left < -SLACK || box.right > width + SLACK)) {
      report(`box outside the screen (${Math.round(box.left)}..${Math.round(box.right)} of ${width})`, el);
    }
    // Clipped: it hides what does not fit, and something does not fit.
    const hides = [style.overflowX, style.overflowY].some((o) => o === 'hidden' || o === 'clip');
    const formControl = ['input', 'select', 'textarea'].includes(el.localName);
    if (hides && !formControl) {
      const wide = el.scrollWidth > el.clientWidth + SLACK;
      const tall = el.scrollHeight > el.clientHeight + SLACK;
      const ellipsis = style.textOverflow === 'ellipsis' && el.title.trim() !== '';
      if ((wide && !ellipsis) || tall) {
        const sizes = `${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`;
        report(`text clipped (${sizes})`, el);
      }
    }
    // Its own runs of text: on the screen, and inside its box (unless that clips them, above).
    for (const child of el.childNodes) {
      if (child.nodeType !== Node.TEXT_NODE || !/\S/.test(child.data)) continue;
      for (const r of rectsOf(child)) {
        if (r.left < -SLACK || r.right > width + SLACK) {
          const where = `${Math.round(r.left)}..${Math.round(r.right)} of ${width}`;
          report(`text outside the screen (${where})`, el, textOf(child));
        } else if (!hides && !parkedAbove && (r.left < box.left - SLACK || r.right > box.right + SLACK)) {
          report('text spills out of its box', el, textOf(child));
        }
      }
    }
    // Siblings holding text: no two overlap.
    const kids = [...el.childNodes].filter((node) =>
      node.nodeType === Node.TEXT_NODE
        ? /\S/.test(node.data)
        : shownSet.has(node) && hasText(node) && !['absolute', 'fixed'].includes(getComputedStyle(node).position),
    );
    const boxes = kids.map((node) => ({ node, rects: rectsOf(node) }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (boxes[i].rects.some((a) => boxes[j].rects.some((b) => overlaps(a, b)))) {
          report('overlapping text', el, `${textOf(boxes[i].node)} ⟷ ${textOf(boxes[j].node)}`);
        }
      }
    }
  }
  return offenders;
}
