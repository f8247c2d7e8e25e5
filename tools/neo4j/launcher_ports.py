"""Loopback ports: whether one is free, a free one, and whether Bolt answers on one."""

from __future__ import annotations

import socket

from launcher_base import HOST


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port(avoid: set[int] | None = None) -> int:
    """A loopback TCP port that nothing listens on right now."""
    avoid = avoid or set()
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
        if port not in avoid:
            return port


def bolt_handshake(port: int, host: str = HOST, timeout: float = 2.0) -> bool:
    """True when a Bolt server on host:port agrees on a protocol version."""
    # Magic preamble, then four proposals: 5.0-5.4, 4.4, and two empty slots.
    request = bytes.fromhex("6060b017") + bytes.fromhex("00040405" + "00000404" + "00000000" * 2)
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(request)
            reply = b""
            while len(reply) < 4:
                chunk = sock.recv(4 - len(reply))
                if not chunk:
                    return False
                reply += chunk
    except OSError:
        return False
    return reply != b"\0\0\0\0"
