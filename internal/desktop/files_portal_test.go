//go:build linux || freebsd || openbsd || netbsd

package desktop

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/godbus/dbus/v5"

	"jixiao/internal/testtool"
	"jixiao/ui"
)

// startBus runs a private D-Bus daemon (package dbus, scripts/setup.sh)
// with no service directory, so nothing on this machine can be started
// through it; it returns its address.
func startBus(t *testing.T) string {
	t.Helper()
	bin := testtool.Need(t, "dbus", "dbus-daemon")
	dir := t.TempDir()
	conf := filepath.Join(dir, "bus.conf")
	err := os.WriteFile(conf, []byte(`<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=`+filepath.Join(dir, "bus")+`</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--config-file="+conf, "--nofork", "--nopidfile", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon printed no address: %v", err)
	}
	return strings.TrimSpace(addr)
}

// fakePortal is a portal's FileChooser on the bus: it records each call
// and answers with code and uri on the request path the caller expects.
type fakePortal struct {
	conn *dbus.Conn
	code uint32
	uri  string

	mu    sync.Mutex
	calls []portalCallSeen
}

type portalCallSeen struct {
	method, parent, title string
	opts                  map[string]dbus.Variant
}

func startFakePortal(t *testing.T, addr string, code uint32, uri string) *fakePortal {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	f := &fakePortal{conn: conn, code: code, uri: uri}
	if err := conn.Export(fakeChooser{f}, portalPath, chooserIface); err != nil {
		t.Fatal(err)
	}
	if err := conn.Export(fakeProps{}, portalPath, "org.freedesktop.DBus.Properties"); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(portalName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own %s: %v %v", portalName, reply, err)
	}
	return f
}

func (f *fakePortal) answer(method string, sender dbus.Sender, parent, title string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	f.mu.Lock()
	f.calls = append(f.calls, portalCallSeen{method, parent, title, opts})
	f.mu.Unlock()
	token, _ := opts["handle_token"].Value().(string)
	path := dbus.ObjectPath(fmt.Sprintf("%s/request/%s/%s", portalPath,
		strings.ReplaceAll(strings.TrimPrefix(string(sender), ":"), ".", "_"), token))
	results := map[string]dbus.Variant{}
	if f.uri != "" {
		results["uris"] = dbus.MakeVariant([]string{f.uri})
	}
	// the answer may come before the call returns, as from a real portal
	// that is quick: the caller must have subscribed already
	if err := f.conn.Emit(path, requestIface+".Response", f.code, results); err != nil {
		return "", dbus.MakeFailedError(err)
	}
	return path, nil
}

func (f *fakePortal) seen() []portalCallSeen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]portalCallSeen(nil), f.calls...)
}

type fakeChooser struct{ f *fakePortal }

func (c fakeChooser) OpenFile(s dbus.Sender, parent, title string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	return c.f.answer("OpenFile", s, parent, title, opts)
}

func (c fakeChooser) SaveFile(s dbus.Sender, parent, title string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	return c.f.answer("SaveFile", s, parent, title, opts)
}

type fakeProps struct{}

func (fakeProps) Get(iface, prop string) (dbus.Variant, *dbus.Error) {
	if iface == chooserIface && prop == "version" {
		return dbus.MakeVariant(uint32(4)), nil
	}
	return dbus.Variant{}, dbus.MakeFailedError(fmt.Errorf("no property %s.%s", iface, prop))
}

func TestPortalSaveAsksAndReturnsThePath(t *testing.T) {
	addr := startBus(t)
	f := startFakePortal(t, addr, 0, "file:///home/k/%E6%96%87%E6%A1%A3/%E5%B1%80%26calc%202021%E5%B9%B4%E5%BA%A6.xlsx")
	p := &portalFiles{addr: addr}
	req := ui.FileRequest{Title: "导出 Excel 文件", Dir: "/home/k/文档", Name: "局&calc_2021年度.xlsx", Exts: []string{".xlsx"}, Kind: "Excel 文件"}

	path, err := p.choose(req, true, "x11:4a0001")
	if err != nil || path != "/home/k/文档/局&calc 2021年度.xlsx" {
		t.Fatalf("choose = %q, %v", path, err)
	}
	calls := f.seen()
	if len(calls) != 1 {
		t.Fatalf("%d portal calls, want 1", len(calls))
	}
	c := calls[0]
	if c.method != "SaveFile" || c.title != "导出 Excel 文件" || c.parent != "x11:4a0001" {
		t.Errorf("call %s %q parent %q", c.method, c.title, c.parent)
	}
	if v, _ := c.opts["current_name"].Value().(string); v != req.Name {
		t.Errorf("current_name %q, want the proposed name as one string", v)
	}
	if v, _ := c.opts["current_folder"].Value().([]byte); string(v) != "/home/k/文档\x00" {
		t.Errorf("current_folder %q", v)
	}
	if v, _ := c.opts["accept_label"].Value().(string); v != "保存" {
		t.Errorf("accept_label %q", v)
	}
	// the portal's types: filters a(sa(us)), current_filter (sa(us))
	_, _, sent := portalCall(req, true, "t")
	if sig := sent["filters"].Signature().String(); sig != "a(sa(us))" {
		t.Errorf("filters are sent as %s, want a(sa(us))", sig)
	}
	if sig := sent["current_filter"].Signature().String(); sig != "(sa(us))" {
		t.Errorf("current_filter is sent as %s, want (sa(us))", sig)
	}
	if s := fmt.Sprint(c.opts["filters"].Value()); !strings.Contains(s, "Excel 文件") || !strings.Contains(s, "*.xlsx") || !strings.Contains(s, "*.XLSX") || !strings.Contains(s, "所有文件") {
		t.Errorf("filters %s", s)
	}
}

func TestPortalCancelAndNoPortal(t *testing.T) {
	addr := startBus(t)
	p := &portalFiles{addr: addr}
	// no portal on this bus (and nothing it could start): fall back
	if path, err := p.choose(ui.FileRequest{}, false, ""); path != "" || err != errPortalFailed {
		t.Fatalf("without a portal: %q, %v; want errPortalFailed", path, err)
	}

	addr = startBus(t)
	f := startFakePortal(t, addr, 1, "")
	p = &portalFiles{addr: addr}
	path, err := p.choose(ui.FileRequest{Dir: "/tmp"}, false, "")
	if path != "" || err != nil {
		t.Fatalf("cancelled: %q, %v; want \"\", nil", path, err)
	}
	if c := f.seen(); len(c) != 1 || c[0].method != "OpenFile" || c[0].title != "打开文件" {
		t.Errorf("calls %+v", c)
	}
}

// recordingChooser is the next chooser in the chain; it records that it
// was asked.
type recordingChooser struct{ asked chan string }

func (r recordingChooser) Open(_ fyne.Window, req ui.FileRequest, done func(string, error)) {
	r.asked <- "open " + req.Title
	done("", nil)
}

func (r recordingChooser) Save(_ fyne.Window, req ui.FileRequest, done func(string, error)) {
	r.asked <- "save " + req.Title
	done("", nil)
}

func TestPortalFallsBackWhenItCannotShow(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	next := recordingChooser{asked: make(chan string, 1)}
	p := &portalFiles{addr: startBus(t), fallback: next}
	finished := make(chan struct{})
	p.Save(w, ui.FileRequest{Title: "导出 PDF 文件"}, func(string, error) { close(finished) })
	if got := <-next.asked; got != "save 导出 PDF 文件" {
		t.Errorf("fallback asked %q", got)
	}
	<-finished
}

func TestSessionBusAddress(t *testing.T) {
	dir := t.TempDir()
	l, err := net.Listen("unix", filepath.Join(dir, "bus"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for _, tc := range []struct{ env, runtime, want string }{
		{"unix:path=/run/user/1000/bus", "", "unix:path=/run/user/1000/bus"},
		{"unix:abstract=/tmp/dbus-x,guid=1;unix:path=/x", "", "unix:abstract=/tmp/dbus-x,guid=1;unix:path=/x"},
		{"tcp:host=10.0.0.1,port=5000", dir, ""},            // never over the network
		{"unix:path=/x;tcp:host=h,port=1", dir, ""},         // not even as a second choice
		{"", dir, "unix:path=" + filepath.Join(dir, "bus")}, // the runtime dir's socket
		{"", t.TempDir(), ""}, // no socket: nothing is launched
		{"", "", ""},
	} {
		if got := sessionBusAddress(tc.env, tc.runtime); got != tc.want {
			t.Errorf("sessionBusAddress(%q, %q) = %q, want %q", tc.env, tc.runtime, got, tc.want)
		}
	}
}
