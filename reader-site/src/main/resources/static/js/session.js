/* Back & Joint Health: the guided session player. Without this file the page lists every step; with it, one step at a
   time with a countdown. Times come from timestamps (performance.now), not from counting timer calls, so they stay
   right when a browser slows timers down in a background tab. */
(function () {
  'use strict';

  const section = document.querySelector('section.session');
  const steps = section ? Array.from(section.querySelectorAll('li.session-step')) : [];
  const startButton = section ? section.querySelector('.session-start') : null;
  if (!section || steps.length === 0 || !startButton) {
    return;
  }
  const progress = section.querySelector('.session-progress');
  const timer = section.querySelector('.session-timer');
  const pauseButton = section.querySelector('.session-pause');
  const prevButton = section.querySelector('.session-prev');
  const nextButton = section.querySelector('.session-next');
  const controls = [startButton, pauseButton, prevButton, nextButton].filter(Boolean);

  let index = 0;          // the step shown
  let state = 'ready';    // ready, running, paused or done
  let endsAt = 0;         // when the step shown ends (performance.now), while running
  let remaining = 0;      // milliseconds left in the step shown, while not running
  let tickTimer = 0;
  let audio = null;       // made on Start only: no sound unless the reader started the session
  let wakeLock = null;
  let wakeLockAsked = false;

  const secondsOf = (i) => {
    const seconds = parseInt(steps[i].getAttribute('data-seconds') || '0', 10);
    return seconds > 0 ? seconds : 0;
  };

  const clock = (milliseconds) => {
    const total = Math.max(0, Math.ceil(milliseconds / 1000));
    return String(Math.floor(total / 60)).padStart(2, '0') + ':' + String(total % 60).padStart(2, '0');
  };

  const setText = (element, text) => {
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  };

  const stepInWords = () => {
    const title = steps[index].querySelector('.step-title');
    const name = title ? title.textContent.trim() : '';
    let words = 'Step ' + (index + 1) + ' of ' + steps.length + (name ? ': ' + name : '') + '.';
    if (secondsOf(index) === 0) {
      words += ' Press Next when you are ready.';
    }
    return words;
  };

  /* ---------- Sound ---------- */

  const prepareSound = () => {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return;
    }
    try {
      audio = audio || new Context();
      if (audio.state === 'suspended') {
        audio.resume().catch(() => {});
      }
    } catch (e) {
      audio = null;
    }
  };

  // A short, quiet beep (880 Hz, 150 ms) when a timed step ends.
  const beep = () => {
    if (!audio || audio.state !== 'running') {
      return;
    }
    try {
      const now = audio.currentTime;
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.type = 'sine';
      tone.frequency.value = 880;
      volume.gain.setValueAtTime(0.0001, now);
      volume.gain.exponentialRampToValueAtTime(0.08, now + 0.01);
      volume.gain.exponentialRampToValueAtTime(0.0001, now + 0.15);
      tone.connect(volume);
      volume.connect(audio.destination);
      tone.start(now);
      tone.stop(now + 0.16);
    } catch (e) {
      /* no sound, the session goes on */
    }
  };

  /* ---------- Keeping the screen on ---------- */

  const keepScreenOn = () => {
    if (!('wakeLock' in navigator) || wakeLock || wakeLockAsked || document.visibilityState !== 'visible') {
      return;
    }
    wakeLockAsked = true;
    navigator.wakeLock.request('screen')
      .then((lock) => {
        wakeLockAsked = false;
        if (state !== 'running') {
          lock.release().catch(() => {});
          return;
        }
        wakeLock = lock;
        lock.addEventListener('release', () => {
          if (wakeLock === lock) {
            wakeLock = null;
          }
        });
      })
      .catch(() => {
        wakeLockAsked = false;
      });
  };

  const letScreenSleep = () => {
    if (wakeLock) {
      const lock = wakeLock;
      wakeLock = null;
      lock.release().catch(() => {});
    }
  };

  /* ---------- Controls ---------- */

  const updateControls = () => {
    const focused = document.activeElement;
    const going = state === 'running' || state === 'paused';
    startButton.hidden = going;
    if (pauseButton) {
      pauseButton.hidden = !going;
      setText(pauseButton, state === 'paused' ? 'Resume' : 'Pause');
    }
    if (prevButton) {
      prevButton.hidden = !going;
    }
    if (nextButton) {
      nextButton.hidden = !going;
      setText(nextButton, index === steps.length - 1 ? 'Finish' : 'Next');
    }
    // a button that was just hidden cannot keep the focus: give it to the first one shown
    if (focused && controls.indexOf(focused) >= 0 && focused.hidden) {
      const shown = controls.find((button) => !button.hidden);
      if (shown) {
        shown.focus();
      }
    }
  };

  const show = (i) => {
    index = i;
    steps.forEach((step, n) => step.classList.toggle('current', n === i));
    const seconds = secondsOf(i);
    remaining = seconds * 1000;
    if (timer) {
      timer.hidden = seconds === 0;
      setText(timer, clock(remaining));
    }
  };

  const tick = () => {
    window.clearTimeout(tickTimer);
    if (state !== 'running') {
      return;
    }
    const now = performance.now();
    let moved = false;
    // Catch up on every timed step that ended meanwhile (a throttled or hidden tab); an untimed step stops here.
    while (secondsOf(index) > 0 && endsAt <= now) {
      if (index === steps.length - 1) {
        beep();
        finish();
        return;
      }
      const endedAt = endsAt;
      show(index + 1);
      endsAt = endedAt + remaining;
      moved = true;
    }
    if (moved) {
      beep();
      setText(progress, stepInWords());
      updateControls();
    }
    if (secondsOf(index) > 0) {
      setText(timer, clock(endsAt - now));
      // wake just after the next whole second, to show it on time
      const untilNextSecond = ((endsAt - now) % 1000) + 20;
      tickTimer = window.setTimeout(tick, Math.min(untilNextSecond, 1000));
    }
  };

  const goTo = (i) => {
    window.clearTimeout(tickTimer);
    show(i);
    if (state === 'running') {
      endsAt = performance.now() + remaining;
      setText(progress, stepInWords());
      tick();
    } else {
      setText(progress, 'Paused at step ' + (index + 1) + ' of ' + steps.length + '.');
    }
    updateControls();
  };

  const finish = () => {
    window.clearTimeout(tickTimer);
    state = 'done';
    steps.forEach((step) => step.classList.remove('current'));
    section.classList.add('session-done');
    if (timer) {
      timer.hidden = false;
      setText(timer, clock(0));
    }
    setText(progress, 'Session complete. Well done.');
    letScreenSleep();
    setText(startButton, 'Start again');
    updateControls();
  };

  const start = () => {
    prepareSound();
    section.classList.remove('session-done');
    state = 'running';
    keepScreenOn();
    goTo(0);
  };

  const togglePause = () => {
    if (state === 'running') {
      window.clearTimeout(tickTimer);
      remaining = secondsOf(index) > 0 ? Math.max(0, endsAt - performance.now()) : 0;
      state = 'paused';
      letScreenSleep();
      setText(progress, 'Paused at step ' + (index + 1) + ' of ' + steps.length + '.');
    } else if (state === 'paused') {
      prepareSound();
      state = 'running';
      endsAt = performance.now() + remaining;
      keepScreenOn();
      setText(progress, stepInWords());
      tick();
    }
    updateControls();
  };

  startButton.addEventListener('click', start);
  if (pauseButton) {
    pauseButton.addEventListener('click', togglePause);
  }
  if (prevButton) {
    prevButton.addEventListener('click', () => goTo(Math.max(0, index - 1)));
  }
  if (nextButton) {
    nextButton.addEventListener('click', () => {
      if (index === steps.length - 1) {
        finish();
      } else {
        goTo(index + 1);
      }
    });
  }

  // Space pauses and resumes, unless the focus is on something Space already works on.
  const KEY_TAKERS = 'input, textarea, select, button, a[href], summary, [contenteditable="true"], [role="button"], '
      + '[role="option"], [role="listbox"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], '
      + '[role="menuitem"], [role="slider"]';
  document.addEventListener('keydown', (event) => {
    if (event.key !== ' ' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (state !== 'running' && state !== 'paused') {
      return;
    }
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest(KEY_TAKERS)) {
      return;
    }
    event.preventDefault();
    togglePause();
  });

  // A hidden tab loses the wake lock; take it again on return, and bring the clock up to date at once.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && state === 'running') {
      keepScreenOn();
      tick();
    }
  });

  // Ready: the first step shown, the list made a player.
  section.classList.add('js-session');
  show(0);
  updateControls();
})();
