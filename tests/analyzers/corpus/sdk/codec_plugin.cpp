// Audio transcoding through the vendor codec. The vendor only ships a shared
// object, so it is loaded at start-up; the bundle lists it explicitly.
#include <sls/function.hpp>

#include <dlfcn.h>
#include <string>

namespace {

using encode_fn = long (*)(const unsigned char* pcm, long length, unsigned char* out, long capacity);

struct Codec {
  void* lib = nullptr;
  encode_fn encode = nullptr;
};

Codec load_codec() {
  Codec codec;
  codec.lib = dlopen("libvendor-opus.so", RTLD_NOW);  // NOLINT(sls-dlopen)
  if (codec.lib) codec.encode = reinterpret_cast<encode_fn>(dlsym(codec.lib, "vendor_opus_encode"));
  return codec;
}

const Codec kCodec = load_codec();

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  if (!kCodec.encode) return sls::Response::text(503, "codec missing from the bundle");
  const std::string& pcm = req.body();
  if (pcm.empty()) return sls::Response::text(400, "send PCM audio");
  std::string opus(pcm.size() / 4 + 1024, '\0');
  const long n = kCodec.encode(reinterpret_cast<const unsigned char*>(pcm.data()), static_cast<long>(pcm.size()),
                               reinterpret_cast<unsigned char*>(opus.data()), static_cast<long>(opus.size()));
  if (n <= 0) return sls::Response::text(422, "encoding failed");
  opus.resize(static_cast<size_t>(n));
  sls::Response res;
  res.body = std::move(opus);
  res.set_header("content-type", "audio/ogg");
  return res;
}

SLS_HANDLER(handle)
