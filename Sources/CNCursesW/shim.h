// Exposes ncursesw's wide-character API to Swift, plus wrappers for the macros and globals
// Swift cannot import (or that Swift 6 calls not concurrency-safe).
#ifndef CONVSCOPE_NCURSES_SHIM_H
#define CONVSCOPE_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *cs_stdscr(void) { return stdscr; }
static inline WINDOW *cs_curscr(void) { return curscr; }
/* The terminal's size from the kernel (0 on success), to catch a SIGWINCH ncurses missed. */
static inline int cs_terminal_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}
static inline int cs_colors(void) { return COLORS; }
static inline int cs_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cs_a_bold(void) { return A_BOLD; }
static inline attr_t cs_a_dim(void) { return A_DIM; }
static inline attr_t cs_a_reverse(void) { return A_REVERSE; }
static inline attr_t cs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cs_a_normal(void) { return A_NORMAL; }
static inline void cs_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
/* newterm on the process's stdout/stdin (globals Swift 6 will not touch). */
static inline SCREEN *cs_newterm(void) { return newterm(NULL, stdout, stdin); }
/* 0 when terminfo has an entry for `name` (status 1); else -1 with status 0 (no entry) or -1
   (no database). Loaded into a scratch TERMINAL, so the running screen is untouched. */
static inline int cs_terminfo_knows(const char *name, int *status) {
    TERMINAL *saved = cur_term;
    int result = setupterm((char *)name, -1, status);
    if (result == OK) del_curterm(cur_term);
    set_curterm(saved);
    return result == OK ? 0 : -1;
}
/* True when the locale's codeset is UTF-8. */
static inline const char *cs_codeset(void) { return nl_langinfo(CODESET); }
/* True when the terminal can move the cursor (TERM=dumb and friends cannot). */
static inline int cs_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
/* setcchar with an extended (int) colour pair, so more than 32767 pairs work. */
static inline int cs_setcchar(cchar_t *c, wchar_t ch, attr_t attrs, int pair) {
    wchar_t text[2] = { ch, 0 };
    return setcchar(c, text, attrs, 0, &pair);
}
/* Mouse reporting on or off. ncurses enables what its terminfo knows (xterm: SGR 1006 and
   clicks, 1000); 1002 adds drags with the button held and 1006 SGR reports for terminals whose
   terminfo only knows the old encoding, which breaks past column 223. Turned off in reverse. */
static inline void cs_mouse_reporting(int on) {
    if (on) {
        mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, NULL);
        mouseinterval(0);
        putp("\033[?1002h\033[?1006h");
    } else {
        putp("\033[?1006l\033[?1002l");
        mousemask(0, NULL);
    }
    fflush(stdout);
}
/* What an ncurses mouse report means to convscope: 1 press, 2 release, 3 drag (motion with the
   button held), 4/5 wheel up/down, 6/7 Shift-wheel (sideways), 0 what it does not use. */
static inline int cs_mouse_kind(mmask_t b) {
    if (b & BUTTON4_PRESSED) return (b & BUTTON_SHIFT) ? 6 : 4;
    if (b & BUTTON5_PRESSED) return (b & BUTTON_SHIFT) ? 7 : 5;
    if (b & BUTTON1_PRESSED) return 1;
    if (b & BUTTON1_RELEASED) return 2;
    if (b & REPORT_MOUSE_POSITION) return 3;
    return 0;
}
#endif
