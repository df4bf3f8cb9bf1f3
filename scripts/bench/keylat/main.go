//go:build linux && cgo

// Command keylat measures keystroke-to-frame latency of an X11 window: it
// sends a key press and release to the window (XSendEvent) and polls a
// rectangle of the screen (XGetImage) until its pixels change, i.e. until
// the typed character has been drawn. It alternates two keys (a digit and
// BackSpace) so that every press changes the field, and prints the median,
// 90th percentile and maximum in milliseconds.
//
//	keylat -window WID -x X -y Y -w W -h H [-n 30]
//
// X, Y are relative to the window. The field must have the keyboard focus.
// Used by scripts/bench.sh on the 5,000-task form.
package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>
#include <stdlib.h>
#include <string.h>

static int send_key(Display *d, Window w, KeySym sym) {
	XKeyEvent e;
	memset(&e, 0, sizeof e);
	e.display = d;
	e.window = w;
	e.root = DefaultRootWindow(d);
	e.subwindow = None;
	e.time = CurrentTime;
	e.same_screen = True;
	e.keycode = XKeysymToKeycode(d, sym);
	e.type = KeyPress;
	if (!XSendEvent(d, w, True, KeyPressMask, (XEvent *)&e)) return 0;
	e.type = KeyRelease;
	if (!XSendEvent(d, w, True, KeyReleaseMask, (XEvent *)&e)) return 0;
	XFlush(d);
	return 1;
}

// grab copies the rectangle's pixels into buf (w*h*4 bytes); 0 on failure.
static int grab(Display *d, Window w, int x, int y, int wd, int ht, unsigned char *buf) {
	XImage *img = XGetImage(d, w, x, y, wd, ht, AllPlanes, ZPixmap);
	if (!img) return 0;
	for (int j = 0; j < ht; j++)
		for (int i = 0; i < wd; i++) {
			unsigned long p = XGetPixel(img, i, j);
			memcpy(buf + 4 * (j * wd + i), &p, 4);
		}
	XDestroyImage(img);
	return 1;
}
*/
import "C"

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"time"
	"unsafe"
)

func main() {
	wid := flag.String("window", "", "X window id (decimal or 0x…)")
	x := flag.Int("x", 0, "rectangle left, relative to the window")
	y := flag.Int("y", 0, "rectangle top")
	w := flag.Int("w", 200, "rectangle width")
	h := flag.Int("h", 24, "rectangle height")
	n := flag.Int("n", 30, "key presses")
	flag.Parse()
	id, err := strconv.ParseUint(*wid, 0, 64)
	if err != nil || *w <= 0 || *h <= 0 {
		fmt.Fprintln(os.Stderr, "keylat: need -window ID and a rectangle")
		os.Exit(2)
	}
	d := C.XOpenDisplay(nil)
	if d == nil {
		fmt.Fprintln(os.Stderr, "keylat: cannot open display")
		os.Exit(1)
	}
	win := C.Window(id)
	size := *w * *h * 4
	before := C.malloc(C.size_t(size))
	now := C.malloc(C.size_t(size))
	defer C.free(before)
	defer C.free(now)
	grab := func(p unsafe.Pointer) bool {
		return C.grab(d, win, C.int(*x), C.int(*y), C.int(*w), C.int(*h), (*C.uchar)(p)) != 0
	}
	keys := []C.KeySym{C.XK_1, C.XK_BackSpace}
	var lat []float64
	for i := 0; i < *n; i++ {
		time.Sleep(250 * time.Millisecond) // let the previous frame settle
		if !grab(before) {
			fmt.Fprintln(os.Stderr, "keylat: XGetImage failed (window not viewable?)")
			os.Exit(1)
		}
		t0 := time.Now()
		if C.send_key(d, win, keys[i%2]) == 0 {
			fmt.Fprintln(os.Stderr, "keylat: XSendEvent failed")
			os.Exit(1)
		}
		changed := false
		for time.Since(t0) < 3*time.Second {
			grab(now)
			if !bytes.Equal(C.GoBytes(before, C.int(size)), C.GoBytes(now, C.int(size))) {
				changed = true
				break
			}
			time.Sleep(500 * time.Microsecond)
		}
		if !changed {
			fmt.Fprintf(os.Stderr, "keylat: press %d: no change on screen within 3 s (is the field focused?)\n", i+1)
			os.Exit(1)
		}
		lat = append(lat, float64(time.Since(t0).Microseconds())/1000)
	}
	sort.Float64s(lat)
	pct := func(p float64) float64 { return lat[int(p*float64(len(lat)-1)+0.5)] }
	fmt.Printf("median_ms=%.1f p90_ms=%.1f max_ms=%.1f n=%d\n", pct(0.5), pct(0.9), lat[len(lat)-1], len(lat))
}
