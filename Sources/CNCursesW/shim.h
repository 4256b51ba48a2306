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
/* Mouse reporting on or off: clicks (1000), drags with the button held (1002), in SGR encoding
   (1006), which reports any column (the old encoding stops at 223). convscope reads the reports
   itself, so keyok keeps ncurses from taking terminfo's kmous (which is SGR for xterm but the old
   encoding for tmux and screen) as a key of its own. Turned off in reverse order. */
static inline void cs_mouse_reporting(int on) {
    keyok(KEY_MOUSE, FALSE);
    putp(on ? "\033[?1000h\033[?1002h\033[?1006h" : "\033[?1006l\033[?1002l\033[?1000l");
    fflush(stdout);
}
#endif
