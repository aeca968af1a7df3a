#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

// These must precede every system header so <curses.h> exposes the wide API
// (cchar_t, wget_wch, mvwaddwstr). SwiftPM drops the same defines from ncursesw.pc.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift cannot import function-like macros (A_* use NCURSES_BITS) and, in Swift 6
// mode, refuses mutable C globals (stdscr, LINES, COLS): read them through functions.
static inline unsigned int cnc_a_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int cnc_a_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int cnc_a_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int cnc_a_dim(void) { return (unsigned int)A_DIM; }
static inline int cnc_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }
static inline void cnc_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
static inline mmask_t cnc_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t cnc_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cnc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cnc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cnc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cnc_button5_pressed(void) { return BUTTON5_PRESSED; }

#endif
