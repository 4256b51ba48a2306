// Exposes ncursesw's wide-character API to Swift, plus wrappers for the macros and globals
// Swift cannot import (or that Swift 6 calls not concurrency-safe).
#ifndef CONVSCOPE_NCURSES_SHIM_H
#define CONVSCOPE_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
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
/* A crash (a trap in Swift, a bad access) must not leave the shell a raw, invisible-cursor terminal
   in the alternate screen. Before curses starts, the shell's terminal mode is kept; after, the
   terminfo strings that undo curses are copied. A fatal signal then writes them, puts the mode back
   and says so in one line, all with async-signal-safe calls, and dies of the same signal. */
/* The guard's state lives in a function's static: Swift's importer emits functions, not a header's
   global variables. */
struct cs_crash_state {
    struct termios shell_mode;
    int shell_mode_saved;
    char undo_screen[256];
    volatile sig_atomic_t armed;
};
static inline struct cs_crash_state *cs_crash(void) {
    static struct cs_crash_state state;
    return &state;
}

static inline void cs_keep_shell_mode(void) {
    cs_crash()->shell_mode_saved = tcgetattr(STDIN_FILENO, &cs_crash()->shell_mode) == 0;
}

/* A trap or bad access inside convscope, as opposed to a signal sent from outside. */
static inline int cs_is_crash_signal(int sig) {
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGTRAP || sig == SIGABRT || sig == SIGFPE;
}

static void cs_restore_after_crash(int sig) {
    struct cs_crash_state *c = cs_crash();
    if (c->armed) {
        c->armed = 0;
        ssize_t ignored = write(STDOUT_FILENO, c->undo_screen, strlen(c->undo_screen));
        if (c->shell_mode_saved) tcsetattr(STDIN_FILENO, TCSANOW, &c->shell_mode);
        if (cs_is_crash_signal(sig)) {
            static const char line[] = "convscope: internal error (a fatal signal); the terminal was restored\n";
            ignored = write(STDERR_FILENO, line, sizeof line - 1);
        } else {
            /* "convscope: ended by signal 10; the terminal was restored", the number by hand (no printf here). */
            char line[80] = "convscope: ended by signal ";
            size_t n = strlen(line);
            if (sig >= 10) line[n++] = (char)('0' + sig / 10);
            line[n++] = (char)('0' + sig % 10);
            static const char rest[] = "; the terminal was restored\n";
            memcpy(line + n, rest, sizeof rest - 1);
            ignored = write(STDERR_FILENO, line, n + sizeof rest - 1);
        }
        (void)ignored;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void cs_append_capability(const char *name) {
    char *s = tigetstr((char *)name);
    if (s == NULL || s == (char *)-1) return;
    char *undo = cs_crash()->undo_screen;
    if (strlen(undo) + strlen(s) + 3 < sizeof cs_crash()->undo_screen) strcat(undo, s);
}

/* Arms the guard once curses runs; `on` 0 disarms it after endwin (the shell has its terminal). */
static inline void cs_crash_guard(int on) {
    if (on && !cs_crash()->armed) {
        /* Mouse reporting off (SGR, drag, click), the cursor back, the alternate screen left. */
        strcpy(cs_crash()->undo_screen, "\033[?1006l\033[?1002l\033[?1000l");
        cs_append_capability("cnorm");
        cs_append_capability("sgr0");
        cs_append_capability("rmcup");
        strcat(cs_crash()->undo_screen, "\r\n");
        /* Every signal whose default action ends the process: the crashes always, the others
           (sent from outside: QUIT, USR1, ALRM, PIPE, XCPU, real-time…) when nobody chose another
           action for them (INT, TERM and HUP are the run loop's; a signal ignored by nohup stays
           ignored). KILL cannot be caught; STOP, TSTP, CHLD, WINCH, URG and CONT do not end it. */
        int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE,
                        SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
                        SIGSYS, SIGIO, SIGPWR, SIGSTKFLT };
        int count = (int)(sizeof fatal / sizeof fatal[0]);
        for (int sig = 1; sig < NSIG; sig++) {
            int listed = 0;
            for (int i = 0; i < count; i++) listed |= fatal[i] == sig;
            if (!listed && !(sig >= SIGRTMIN && sig <= SIGRTMAX)) continue;
            struct sigaction action, old;
            /* QUIT too: the Swift runtime's backtracer takes it and would hold a raw terminal for 30 s. */
            int always = cs_is_crash_signal(sig) || sig == SIGQUIT;
            if (!always && (sigaction(sig, NULL, &old) != 0 || old.sa_handler != SIG_DFL)) continue;
            memset(&action, 0, sizeof action);
            action.sa_handler = cs_restore_after_crash;
            action.sa_flags = SA_NODEFER;
            sigemptyset(&action.sa_mask);
            sigaction(sig, &action, NULL);
        }
    }
    cs_crash()->armed = on;
}
#endif
