// Exposes ncursesw's wide-character API to Swift, plus wrappers for the macros and globals
// Swift cannot import (or that Swift 6 calls not concurrency-safe).
#ifndef CONVSCOPE_NCURSES_SHIM_H
#define CONVSCOPE_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *cs_stdscr(void) { return stdscr; }
static inline int cs_lines(void) { return LINES; }
static inline int cs_cols(void) { return COLS; }
static inline int cs_colors(void) { return COLORS; }
static inline int cs_color_pairs(void) { return COLOR_PAIRS; }
static inline int cs_key_f(int n) { return KEY_F(n); }
static inline attr_t cs_a_bold(void) { return A_BOLD; }
static inline attr_t cs_a_dim(void) { return A_DIM; }
static inline attr_t cs_a_reverse(void) { return A_REVERSE; }
static inline attr_t cs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cs_a_normal(void) { return A_NORMAL; }
static inline void cs_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }
static inline int cs_key_resize(void) { return KEY_RESIZE; }
#endif
