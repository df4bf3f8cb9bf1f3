//go:build linux || freebsd || openbsd || netbsd

package desktop

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/godbus/dbus/v5"

	"jixiao/ui"
)

// portalFiles shows the desktop's own file dialog through the XDG desktop
// portal (org.freedesktop.portal.FileChooser on the session D-Bus): GNOME,
// KDE, Deepin/UOS and other desktops answer it with their own dialog, in
// the desktop's language. Where the session has no portal with a file
// chooser, or the portal fails, the next chooser (zenity, else Fyne's
// dialog) is used. Only a session bus reached through a local socket
// (unix:) is used, never one over TCP, and D-Bus is never launched: the
// program opens no network connection.
//
// The protocol is the portal's documented one
// (https://flatpak.github.io/xdg-desktop-portal/docs/requests.html): the
// reply signal is subscribed on the request path built from our bus name
// and a handle_token before the call, so a quick answer is not missed.
type portalFiles struct {
	addr     string // session bus address (unix:…)
	fallback ui.FileChooser

	once  sync.Once
	ready bool // the portal answered (checked once, at the first dialog)
}

// newPortalFiles is a portal chooser for the session bus of the
// environment, or nil when the session has no local bus.
func newPortalFiles(fallback ui.FileChooser) *portalFiles {
	addr := sessionBusAddress(os.Getenv("DBUS_SESSION_BUS_ADDRESS"), os.Getenv("XDG_RUNTIME_DIR"))
	if addr == "" {
		return nil
	}
	return &portalFiles{addr: addr, fallback: fallback}
}

// sessionBusAddress is the session bus to use: env when every address it
// lists is a local socket, else XDG_RUNTIME_DIR/bus when that socket
// exists, else "" (no portal: nothing is launched, nothing goes over TCP).
func sessionBusAddress(env, runtimeDir string) string {
	if env != "" {
		for _, a := range strings.Split(env, ";") {
			if !strings.HasPrefix(a, "unix:") {
				return ""
			}
		}
		return env
	}
	if runtimeDir == "" {
		return ""
	}
	sock := filepath.Join(runtimeDir, "bus")
	if fi, err := os.Stat(sock); err != nil || fi.Mode()&os.ModeSocket == 0 {
		return ""
	}
	return "unix:path=" + sock
}

func (p *portalFiles) Open(w fyne.Window, req ui.FileRequest, done func(string, error)) {
	p.run(w, req, false, done)
}

func (p *portalFiles) Save(w fyne.Window, req ui.FileRequest, done func(string, error)) {
	p.run(w, req, true, done)
}

// OpenFolder asks the portal for a folder (OpenFile with directory, the
// portal's FileChooser version 3).
func (p *portalFiles) OpenFolder(w fyne.Window, req ui.FileRequest, done func(string, error)) {
	req.Folder = true
	p.run(w, req, false, done)
}

// run asks the portal in the background and calls done on the UI
// goroutine; when the portal cannot show a dialog, the fallback does.
func (p *portalFiles) run(w fyne.Window, req ui.FileRequest, save bool, done func(string, error)) {
	parent := x11Parent(w)
	inBackground(w, req, save, p.fallback, errPortalFailed, done, func() (string, error) {
		return p.choose(req, save, parent)
	})
}

// errPortalFailed: the portal showed no dialog; the caller falls back.
var errPortalFailed = errors.New("desktop portal failed")

const (
	portalName    = "org.freedesktop.portal.Desktop"
	portalPath    = dbus.ObjectPath("/org/freedesktop/portal/desktop")
	chooserIface  = "org.freedesktop.portal.FileChooser"
	requestIface  = "org.freedesktop.portal.Request"
	portalTimeout = 10 * time.Second // for the portal to answer the call (not the clerk)
)

// choose shows the portal's dialog for req and waits for the clerk: the
// chosen path, "" when the clerk cancelled, or errPortalFailed.
func (p *portalFiles) choose(req ui.FileRequest, save bool, parent string) (string, error) {
	conn, err := dbus.Connect(p.addr)
	if err != nil {
		return "", errPortalFailed
	}
	defer conn.Close()
	p.once.Do(func() { p.ready = portalHasChooser(conn) })
	if !p.ready {
		return "", errPortalFailed
	}

	token := nextToken()
	names := conn.Names()
	if len(names) == 0 {
		return "", errPortalFailed
	}
	sender := strings.ReplaceAll(strings.TrimPrefix(names[0], ":"), ".", "_")
	want := dbus.ObjectPath(fmt.Sprintf("%s/request/%s/%s", portalPath, sender, token))
	signals := make(chan *dbus.Signal, 4)
	conn.Signal(signals)
	if err := conn.AddMatchSignal(dbus.WithMatchInterface(requestIface), dbus.WithMatchMember("Response")); err != nil {
		return "", errPortalFailed
	}

	method, title, opts := portalCall(req, save, token)
	ctx, cancel := context.WithTimeout(context.Background(), portalTimeout)
	defer cancel()
	var handle dbus.ObjectPath
	if err := conn.Object(portalName, portalPath).CallWithContext(ctx, chooserIface+"."+method, 0, parent, title, opts).Store(&handle); err != nil {
		return "", errPortalFailed
	}
	if handle == "" {
		handle = want
	}
	for sig := range signals {
		if sig.Path != handle || sig.Name != requestIface+".Response" {
			continue
		}
		return portalAnswer(sig.Body)
	}
	return "", errPortalFailed // the connection closed
}

// portalHasChooser reports whether the session's portal has a file
// chooser (reading its version starts the portal if it is not running).
func portalHasChooser(conn *dbus.Conn) bool {
	ctx, cancel := context.WithTimeout(context.Background(), portalTimeout)
	defer cancel()
	var v dbus.Variant
	err := conn.Object(portalName, portalPath).CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0, chooserIface, "version").Store(&v)
	return err == nil
}

var tokenSeq atomic.Uint64

// nextToken is a handle_token unique in this process.
func nextToken() string {
	return fmt.Sprintf("jixiao%d_%d", os.Getpid(), tokenSeq.Add(1))
}

// portalFilter is the portal's filter: a name and (type, pattern) rules,
// type 0 a glob.
type portalFilter struct {
	Name  string
	Rules []portalRule
}

type portalRule struct {
	Type    uint32
	Pattern string
}

// portalCall is the method, title and options of the portal call for req.
func portalCall(req ui.FileRequest, save bool, token string) (method, title string, opts map[string]dbus.Variant) {
	opts = map[string]dbus.Variant{
		"handle_token": dbus.MakeVariant(token),
		"modal":        dbus.MakeVariant(true),
	}
	title = req.Title
	method = "OpenFile"
	if title == "" {
		title = "打开文件"
	}
	if save {
		method = "SaveFile"
		if req.Title == "" {
			title = "保存文件"
		}
		opts["accept_label"] = dbus.MakeVariant("保存")
		if req.Name != "" {
			opts["current_name"] = dbus.MakeVariant(req.Name)
		}
	} else {
		opts["accept_label"] = dbus.MakeVariant("打开")
	}
	if req.Folder && !save {
		opts["directory"] = dbus.MakeVariant(true)
		opts["accept_label"] = dbus.MakeVariant("选择")
		if req.Title == "" {
			title = "选择文件夹"
		}
	}
	if req.Dir != "" {
		opts["current_folder"] = dbus.MakeVariant(append([]byte(req.Dir), 0))
	}
	if len(req.Exts) > 0 {
		kind := req.Kind
		if kind == "" {
			kind = "文件"
		}
		f := portalFilter{Name: kind}
		for _, e := range req.Exts {
			f.Rules = append(f.Rules, portalRule{0, "*" + strings.ToLower(e)}, portalRule{0, "*" + strings.ToUpper(e)})
		}
		all := portalFilter{Name: "所有文件", Rules: []portalRule{{0, "*"}}}
		opts["filters"] = dbus.MakeVariant([]portalFilter{f, all})
		opts["current_filter"] = dbus.MakeVariant(f)
	}
	return method, title, opts
}

// portalAnswer reads the Response signal's body (u response, a{sv}
// results): the chosen file's path, "" when cancelled or closed.
func portalAnswer(body []any) (string, error) {
	if len(body) != 2 {
		return "", errPortalFailed
	}
	code, ok := body[0].(uint32)
	results, ok2 := body[1].(map[string]dbus.Variant)
	if !ok || !ok2 {
		return "", errPortalFailed
	}
	if code != 0 { // 1 cancelled, 2 ended otherwise
		return "", nil
	}
	uris, ok := results["uris"].Value().([]string)
	if !ok || len(uris) == 0 {
		return "", nil
	}
	u, err := url.Parse(uris[0])
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return "", errPortalFailed
	}
	return u.Path, nil
}

// x11Parent is the portal's name of w's X11 window ("x11:HEX"), so the
// dialog stays above it; "" where there is none (Wayland, tests).
func x11Parent(w fyne.Window) (parent string) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return ""
	}
	defer func() {
		if recover() != nil {
			parent = ""
		}
	}()
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok && x.WindowHandle != 0 {
			parent = fmt.Sprintf("x11:%x", x.WindowHandle)
		}
	})
	return parent
}
