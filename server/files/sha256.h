#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct evp_md_ctx_st;

// An incremental SHA-256 over libcrypto's EVP interface. QCryptographicHash reached about
// 100 MiB/s on the hub's machine, EVP (with the CPU's SHA extensions) over 1 GiB/s: an upload at
// 500 MB/s must not wait for its hash. Moves between threads (one owner at a time).
class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    QByteArray hexResult(); // 64 lower-case hex digits; the hash is finished after this

private:
    evp_md_ctx_st *m_context = nullptr;
};
