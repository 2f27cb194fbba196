// tsbpf-ringbuf-reader: drains a pinned BPF ring buffer map and prints each record as one line of lowercase hex bytes.
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <linux/bpf.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#ifndef BPF_FS_MAGIC
#define BPF_FS_MAGIC 0xcafe4a11
#endif

#define PROG "tsbpf-ringbuf-reader"
#define USAGE "usage: " PROG " <pinned map path> [--follow]"

static volatile sig_atomic_t stopping;
static int following;
static int write_error; /* errno of a failed write to stdout, 0 if none */

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

/* libbpf's own warnings would add lines to stderr; the reader reports errors itself, in one sentence. */
static int quiet(enum libbpf_print_level level, const char *fmt, va_list args)
{
	(void)level;
	(void)fmt;
	(void)args;
	return 0;
}

/* One record: its bytes as lowercase hex, then a newline. */
static int print_record(void *ctx, void *data, size_t size)
{
	static const char digits[] = "0123456789abcdef";
	const unsigned char *bytes = data;
	char chunk[512];
	size_t n = 0;

	(void)ctx;
	for (size_t i = 0; i < size; i++) {
		chunk[n++] = digits[bytes[i] >> 4];
		chunk[n++] = digits[bytes[i] & 0xf];
		if (n == sizeof(chunk)) {
			if (fwrite(chunk, 1, n, stdout) != n)
				goto failed;
			n = 0;
		}
	}
	chunk[n++] = '\n'; /* n is even and below sizeof(chunk) here */
	if (fwrite(chunk, 1, n, stdout) != n || (following && fflush(stdout) != 0))
		goto failed;
	return 0;
failed:
	write_error = errno ? errno : EIO;
	return -write_error;
}

/* The BPF map type of an fd from /proc/self/fdinfo: the type, -1 if the fd is not a map, -2 if /proc cannot tell. */
static long map_type(int fd)
{
	char path[64], line[256];
	long type = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = fopen(path, "r");
	if (!f)
		return -2;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "map_type: %ld", &type) == 1)
			break;
	fclose(f);
	return type;
}

/* Why bpf_obj_get failed: the kernel says EPERM or EACCES for a directory or a file outside a bpffs, so say what is wrong instead. */
static const char *obj_get_error(const char *path, int err)
{
	struct statfs fs;
	struct stat st;

	if (err == EPERM || err == EACCES) {
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			return strerror(EISDIR);
		if (statfs(path, &fs) == 0 && fs.f_type != BPF_FS_MAGIC)
			return "not a pinned BPF object (the file is not on a BPF filesystem)";
	}
	return strerror(err);
}

static int cannot_open(const char *path, const char *reason)
{
	fprintf(stderr, PROG ": cannot open %s: %s\n", path, reason);
	return 1;
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	struct ring_buffer *rb;
	struct sigaction sa;
	long type;
	int fd, err;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--follow") == 0) {
			following = 1;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			puts(USAGE);
			return 0;
		} else if (argv[i][0] == '-' || path) {
			fprintf(stderr, PROG ": unexpected argument \"%s\" (" USAGE ")\n", argv[i]);
			return 1;
		} else {
			path = argv[i];
		}
	}
	if (!path) {
		fprintf(stderr, PROG ": no map path given (" USAGE ")\n");
		return 1;
	}

	/* No SA_RESTART: a signal interrupts epoll_wait, so --follow stops at once. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* A closed stdout is a write error to report, not a silent death. */
	signal(SIGPIPE, SIG_IGN);
	libbpf_set_print(quiet);

	fd = bpf_obj_get(path);
	if (fd < 0)
		return cannot_open(path, obj_get_error(path, errno));
	type = map_type(fd);
	if (type == -1)
		return cannot_open(path, "not a BPF map");
	if (type >= 0 && type != BPF_MAP_TYPE_RINGBUF) {
		char reason[96];
		snprintf(reason, sizeof(reason), "not a ring buffer (BPF map type %ld, expected BPF_MAP_TYPE_RINGBUF)", type);
		return cannot_open(path, reason);
	}
	rb = ring_buffer__new(fd, print_record, NULL, NULL);
	if (!rb)
		return cannot_open(path, strerror(errno));

	err = 0;
	if (following) {
		while (!stopping) {
			err = ring_buffer__poll(rb, 200);
			if (err == -EINTR)
				err = 0;
			if (err < 0)
				break;
		}
	}
	/* Without --follow, everything in the buffer now; with it, what arrived before the signal. */
	if (err >= 0)
		err = ring_buffer__consume(rb);
	ring_buffer__free(rb);

	if (fflush(stdout) != 0 && !write_error)
		write_error = errno ? errno : EIO;
	if (write_error) {
		fprintf(stderr, PROG ": cannot write the records of %s: %s\n", path, strerror(write_error));
		return 1;
	}
	if (err < 0) {
		fprintf(stderr, PROG ": cannot read %s: %s\n", path, strerror(-err));
		return 1;
	}
	return 0;
}
