/* gen shim headers: the Windows base definitions that enum and constant
   extraction needs, for machines without a Windows SDK.

   These are NOT the SDK. They carry the integer types (with their LLP64/ILP32
   sizes), the HRESULT helpers and the COM/MIDL keywords a header uses, so
   that MIDL-generated and other SDK-style headers preprocess and evaluate as
   they would with the SDK. Every shim is searched after the -I directories:
   a real SDK given with -I always wins. */
#ifndef _GEN_WINBASE_H
#define _GEN_WINBASE_H

#define _GEN_SHIM_HEADERS 1

/* Target versions (sdkddkver.h): Windows 10 unless the user says otherwise
   (-D_WIN32_WINNT=0x0601 ...), as mingw-w64 and current SDKs default. */
#define _WIN32_WINNT_NT4 0x0400
#define _WIN32_WINNT_WIN2K 0x0500
#define _WIN32_WINNT_WINXP 0x0501
#define _WIN32_WINNT_WS03 0x0502
#define _WIN32_WINNT_WIN6 0x0600
#define _WIN32_WINNT_VISTA 0x0600
#define _WIN32_WINNT_WS08 0x0600
#define _WIN32_WINNT_LONGHORN 0x0600
#define _WIN32_WINNT_WIN7 0x0601
#define _WIN32_WINNT_WIN8 0x0602
#define _WIN32_WINNT_WINBLUE 0x0603
#define _WIN32_WINNT_WINTHRESHOLD 0x0A00
#define _WIN32_WINNT_WIN10 0x0A00
#define NTDDI_WIN2K 0x05000000
#define NTDDI_WINXP 0x05010000
#define NTDDI_WINXPSP2 0x05010200
#define NTDDI_WS03 0x05020000
#define NTDDI_WIN6 0x06000000
#define NTDDI_VISTA 0x06000000
#define NTDDI_WS08 0x06000100
#define NTDDI_WIN7 0x06010000
#define NTDDI_WIN8 0x06020000
#define NTDDI_WINBLUE 0x06030000
#define NTDDI_WINTHRESHOLD 0x0A000000
#define NTDDI_WIN10 0x0A000000
#define OSVERSION_MASK 0xFFFF0000
#define SPVERSION_MASK 0x0000FF00
#define SUBVERSION_MASK 0x000000FF
#define OSVER(Version) ((Version) & OSVERSION_MASK)
#define SPVER(Version) (((Version) & SPVERSION_MASK) >> 8)
#define SUBVER(Version) (((Version) & SUBVERSION_MASK))
#define NTDDI_VERSION_FROM_WIN32_WINNT2(Version) Version##0000
#define NTDDI_VERSION_FROM_WIN32_WINNT(Version) NTDDI_VERSION_FROM_WIN32_WINNT2(Version)
#ifndef _WIN32_WINNT
#define _WIN32_WINNT 0x0A00
#endif
#ifndef WINVER
#define WINVER _WIN32_WINNT
#endif
#ifndef NTDDI_VERSION
#define NTDDI_VERSION NTDDI_VERSION_FROM_WIN32_WINNT(_WIN32_WINNT)
#endif
#ifndef _WIN32_IE
#define _WIN32_IE 0x0A00
#endif
#include "winapifamily.h"

/* The architecture macros windows.h derives from the compiler's. */
#if defined(__x86_64__) && !defined(_AMD64_)
#define _AMD64_
#endif
#if defined(__x86_64__) && !defined(_M_AMD64)
#define _M_AMD64 100
#define _M_X64 100
#endif
#if defined(__i386__) && !defined(_X86_)
#define _X86_
#endif
#if defined(__i386__) && !defined(_M_IX86)
#define _M_IX86 300
#endif

/* rpcndr.h's version check in MIDL output */
#ifndef __RPCNDR_H_VERSION__
#define __RPCNDR_H_VERSION__ 500
#endif

/* ---- integer types ---------------------------------------------------- */
#ifndef _SIZE_T_DEFINED
#define _SIZE_T_DEFINED
#ifdef _WIN64
typedef unsigned __int64 size_t;
#else
typedef unsigned int size_t;
#endif
#endif
#ifndef _WCHAR_T_DEFINED
#define _WCHAR_T_DEFINED
typedef unsigned short wchar_t;
#endif
typedef unsigned char BYTE, UCHAR, BOOLEAN, UINT8, *PBYTE, *LPBYTE;
typedef char CHAR, CCHAR;
typedef signed char INT8;
typedef short SHORT, INT16;
typedef unsigned short WORD, USHORT, UINT16, WCHAR, ATOM, LANGID, *PWORD, *LPWORD;
typedef int INT, BOOL, INT32, LONG32, *PINT, *LPINT;
typedef unsigned int UINT, UINT32, DWORD32, ULONG32, *PUINT;
typedef long LONG, HRESULT, SCODE, *PLONG, *LPLONG;
typedef unsigned long ULONG, DWORD, LCID, *PULONG, *PDWORD, *LPDWORD;
typedef __int64 LONGLONG, INT64, LONG64;
typedef unsigned __int64 ULONGLONG, DWORDLONG, DWORD64, UINT64, ULONG64, QWORD;
#ifdef _WIN64
typedef __int64 INT_PTR, LONG_PTR, SSIZE_T, *PINT_PTR, *PLONG_PTR;
typedef unsigned __int64 UINT_PTR, ULONG_PTR, DWORD_PTR, SIZE_T, *PUINT_PTR, *PULONG_PTR;
#else
typedef int INT_PTR, *PINT_PTR;
typedef long LONG_PTR, SSIZE_T, *PLONG_PTR;
typedef unsigned int UINT_PTR, *PUINT_PTR;
typedef unsigned long ULONG_PTR, DWORD_PTR, SIZE_T, *PULONG_PTR;
#endif
typedef UINT_PTR WPARAM;
typedef LONG_PTR LPARAM, LRESULT;
typedef float FLOAT;
typedef double DOUBLE, DATE;
typedef short VARIANT_BOOL;
typedef WORD VARTYPE;
typedef DWORD LCTYPE, COLORREF, ACCESS_MASK;
typedef LONG NTSTATUS;

/* ---- pointers and handles ------------------------------------------------ */
typedef void VOID, *PVOID, *LPVOID, *HANDLE, *HMODULE, *HINSTANCE, *HWND, *HDC, *HKEY, *HICON, *HMENU;
typedef const void *LPCVOID;
typedef CHAR *LPSTR, *PSTR;
typedef const CHAR *LPCSTR, *PCSTR;
typedef WCHAR *LPWSTR, *PWSTR, *BSTR, *LPOLESTR, OLECHAR;
typedef const WCHAR *LPCWSTR, *PCWSTR, *LPCOLESTR;
typedef LPSTR LPTSTR;
typedef LPCSTR LPCTSTR;
typedef HANDLE HGLOBAL, HLOCAL, HRSRC, HBITMAP, HBRUSH, HFONT, HPEN, HRGN, HCURSOR, HPALETTE;
typedef int HFILE;

/* ---- structures by name (only sizes of scalars matter here) -------------- */
typedef struct _GUID {
    unsigned long Data1;
    unsigned short Data2;
    unsigned short Data3;
    unsigned char Data4[8];
} GUID, IID, CLSID, FMTID, *LPGUID, *LPIID, *LPCLSID;
typedef const GUID *REFGUID, *REFIID, *REFCLSID, *REFFMTID;
typedef struct _FILETIME { DWORD dwLowDateTime; DWORD dwHighDateTime; } FILETIME, *PFILETIME, *LPFILETIME;
typedef struct _SYSTEMTIME { WORD wYear, wMonth, wDayOfWeek, wDay, wHour, wMinute, wSecond, wMilliseconds; } SYSTEMTIME;
typedef struct tagRECT { LONG left, top, right, bottom; } RECT, *LPRECT;
typedef struct tagPOINT { LONG x, y; } POINT, *LPPOINT;
typedef struct tagSIZE { LONG cx, cy; } SIZE, *LPSIZE;
typedef union _LARGE_INTEGER { LONGLONG QuadPart; } LARGE_INTEGER;
typedef union _ULARGE_INTEGER { ULONGLONG QuadPart; } ULARGE_INTEGER;
typedef void *RPC_IF_HANDLE;
typedef struct IUnknown IUnknown, *LPUNKNOWN;
typedef struct IStream IStream, *LPSTREAM;
typedef struct IStorage IStorage;
typedef struct IDispatch IDispatch;
typedef struct IRpcStubBuffer IRpcStubBuffer;
typedef struct IRpcChannelBuffer IRpcChannelBuffer;
typedef struct IMoniker IMoniker;
typedef struct IBindCtx IBindCtx;
typedef struct tagVARIANT VARIANT;
typedef void *PRPC_MESSAGE;

/* ---- constants ------------------------------------------------------------ */
#ifndef NULL
#define NULL ((void *)0)
#endif
#define TRUE 1
#define FALSE 0
#define MAX_PATH 260
#define VARIANT_TRUE ((VARIANT_BOOL)-1)
#define VARIANT_FALSE ((VARIANT_BOOL)0)

/* ---- HRESULT helpers (winerror.h) ----------------------------------------- */
#define SEVERITY_SUCCESS 0
#define SEVERITY_ERROR 1
#define FACILITY_NULL 0
#define FACILITY_RPC 1
#define FACILITY_DISPATCH 2
#define FACILITY_STORAGE 3
#define FACILITY_ITF 4
#define FACILITY_WIN32 7
#define FACILITY_WINDOWS 8
#define FACILITY_SSPI 9
#define FACILITY_SECURITY 9
#define FACILITY_CONTROL 10
#define FACILITY_CERT 11
#define FACILITY_INTERNET 12
#define FACILITY_MEDIASERVER 13
#define FACILITY_MSMQ 14
#define FACILITY_SETUPAPI 15
#define FACILITY_SCARD 16
#define FACILITY_COMPLUS 17
#define FACILITY_AAF 18
#define FACILITY_URT 19
#define FACILITY_ACS 20
#define FACILITY_DPLAY 21
#define FACILITY_UMI 22
#define FACILITY_SXS 23
#define FACILITY_WINDOWS_CE 24
#define FACILITY_HTTP 25
#define FACILITY_BACKGROUNDCOPY 32
#define FACILITY_CONFIGURATION 33
#define FACILITY_STATE_MANAGEMENT 34
#define FACILITY_METADIRECTORY 35
#define FACILITY_WINDOWSUPDATE 36
#define FACILITY_DIRECTORYSERVICE 37
#define FACILITY_GRAPHICS 38
#define FACILITY_SHELL 39
#define FACILITY_NAP 39
#define FACILITY_TPM_SERVICES 40
#define FACILITY_TPM_SOFTWARE 41
#define FACILITY_PLA 48
#define FACILITY_FVE 49
#define FACILITY_FWP 50
#define FACILITY_WINRM 51
#define FACILITY_NDIS 52
#define FACILITY_USERMODE_HYPERVISOR 53
#define FACILITY_CMI 54
#define FACILITY_WINDOWS_DEFENDER 80
#define FACILITY_D3DX 0x877
#define FACILITY_DXGI 0x87a
#define FACILITY_DXGI_DDI 0x87b
#define FACILITY_DIRECT3D10 0x879
#define FACILITY_DIRECT3D11 0x87c
#define FACILITY_DWRITE 0x898
#define FACILITY_D2D 0x899

#define MAKE_HRESULT(sev, fac, code) \
    ((HRESULT)(((unsigned long)(sev) << 31) | ((unsigned long)(fac) << 16) | ((unsigned long)(code))))
#define MAKE_SCODE(sev, fac, code) \
    ((SCODE)(((unsigned long)(sev) << 31) | ((unsigned long)(fac) << 16) | ((unsigned long)(code))))
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define IS_ERROR(status) (((unsigned long)(status)) >> 31 == SEVERITY_ERROR)
#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#define SCODE_CODE(sc) ((sc) & 0xFFFF)
#define HRESULT_FACILITY(hr) (((hr) >> 16) & 0x1fff)
#define SCODE_FACILITY(sc) (((sc) >> 16) & 0x1fff)
#define HRESULT_SEVERITY(hr) (((hr) >> 31) & 0x1)
#define SCODE_SEVERITY(sc) (((sc) >> 31) & 0x1)
#define HRESULT_FROM_WIN32(x) \
    ((HRESULT)(x) <= 0 ? ((HRESULT)(x)) : ((HRESULT)(((x) & 0x0000FFFF) | (FACILITY_WIN32 << 16) | 0x80000000)))
#define _HRESULT_TYPEDEF_(sc) ((HRESULT)sc)
#define _NDIS_ERROR_TYPEDEF_(sc) ((DWORD)(sc))
#define S_OK ((HRESULT)0L)
#define S_FALSE ((HRESULT)1L)
#define NOERROR 0
#define E_UNEXPECTED _HRESULT_TYPEDEF_(0x8000FFFFL)
#define E_NOTIMPL _HRESULT_TYPEDEF_(0x80004001L)
#define E_OUTOFMEMORY _HRESULT_TYPEDEF_(0x8007000EL)
#define E_INVALIDARG _HRESULT_TYPEDEF_(0x80070057L)
#define E_NOINTERFACE _HRESULT_TYPEDEF_(0x80004002L)
#define E_POINTER _HRESULT_TYPEDEF_(0x80004003L)
#define E_HANDLE _HRESULT_TYPEDEF_(0x80070006L)
#define E_ABORT _HRESULT_TYPEDEF_(0x80004004L)
#define E_FAIL _HRESULT_TYPEDEF_(0x80004005L)
#define E_ACCESSDENIED _HRESULT_TYPEDEF_(0x80070005L)
#define E_PENDING _HRESULT_TYPEDEF_(0x8000000AL)
#define MAKEWORD(a, b) ((WORD)(((BYTE)(((DWORD_PTR)(a)) & 0xff)) | ((WORD)((BYTE)(((DWORD_PTR)(b)) & 0xff))) << 8))
#define MAKELONG(a, b) ((LONG)(((WORD)(((DWORD_PTR)(a)) & 0xffff)) | ((DWORD)((WORD)(((DWORD_PTR)(b)) & 0xffff))) << 16))
#define LOWORD(l) ((WORD)(((DWORD_PTR)(l)) & 0xffff))
#define HIWORD(l) ((WORD)((((DWORD_PTR)(l)) >> 16) & 0xffff))
#define LOBYTE(w) ((BYTE)(((DWORD_PTR)(w)) & 0xff))
#define HIBYTE(w) ((BYTE)((((DWORD_PTR)(w)) >> 8) & 0xff))
#define MAKELANGID(p, s) ((((WORD)(s)) << 10) | (WORD)(p))
#define MAKELCID(lgid, srtid) ((DWORD)((((DWORD)((WORD)(srtid))) << 16) | ((DWORD)((WORD)(lgid)))))

/* ---- calling conventions, storage classes and declspecs ------------------- */
#define CONST const
#define FAR
#define NEAR
#define far
#define near
#define pascal
#define WINAPI __stdcall
#define WINAPIV __cdecl
#define APIENTRY WINAPI
#define CALLBACK __stdcall
#define STDMETHODCALLTYPE __stdcall
#define STDMETHODVCALLTYPE __cdecl
#define STDAPICALLTYPE __stdcall
#define RPC_ENTRY __stdcall
#define __RPC_API __stdcall
#define __RPC_USER __stdcall
#define __RPC_STUB __stdcall
#define __RPC_FAR
#define __RPC_CALLEE __stdcall
#define DECLSPEC_IMPORT __declspec(dllimport)
#define DECLSPEC_EXPORT __declspec(dllexport)
#define DECLSPEC_NORETURN __declspec(noreturn)
#define DECLSPEC_NOVTABLE __declspec(novtable)
#define DECLSPEC_UUID(x) __declspec(uuid(x))
#define DECLSPEC_SELECTANY __declspec(selectany)
#define DECLSPEC_ALIGN(x) __declspec(align(x))
#define DECLSPEC_DEPRECATED __declspec(deprecated)
#define DECLSPEC_NOTHROW __declspec(nothrow)
#define FORCEINLINE __forceinline
#define WINBASEAPI DECLSPEC_IMPORT
#define WINUSERAPI DECLSPEC_IMPORT
#define WINADVAPI DECLSPEC_IMPORT
#define WINOLEAPI EXTERN_C DECLSPEC_IMPORT HRESULT STDAPICALLTYPE
#define WINOLEAPI_(type) EXTERN_C DECLSPEC_IMPORT type STDAPICALLTYPE
#define EXTERN_C extern
#define STDAPI EXTERN_C HRESULT STDAPICALLTYPE
#define STDAPI_(type) EXTERN_C type STDAPICALLTYPE
#define STDMETHODIMP HRESULT STDMETHODCALLTYPE
#define STDMETHODIMP_(type) type STDMETHODCALLTYPE
#define UNALIGNED
#define RESTRICTED_POINTER
#define C_ASSERT(e) typedef char __C_ASSERT__[(e) ? 1 : -1]
#define DEFINE_ENUM_FLAG_OPERATORS(ENUMTYPE)
#define UNREFERENCED_PARAMETER(P) (P)

/* ---- COM and MIDL keywords (C view) ---------------------------------------- */
#define interface struct
#define MIDL_INTERFACE(x) struct
#define BEGIN_INTERFACE
#define END_INTERFACE
#define CONST_VTBL
#define PURE
#define THIS_ INTERFACE *This,
#define THIS INTERFACE *This
#define STDMETHOD(method) HRESULT (STDMETHODCALLTYPE *method)
#define STDMETHOD_(type, method) type (STDMETHODCALLTYPE *method)
#define DECLARE_INTERFACE(iface) \
    typedef struct iface { const struct iface##Vtbl *lpVtbl; } iface; \
    typedef const struct iface##Vtbl iface##Vtbl; \
    const struct iface##Vtbl
#define DECLARE_INTERFACE_(iface, base) DECLARE_INTERFACE(iface)
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) EXTERN_C const GUID name
#define DEFINE_OLEGUID(name, l, w1, w2) DEFINE_GUID(name, l, w1, w2, 0xC0, 0, 0, 0, 0, 0, 0, 0x46)
#define __MIDL_CONST const

#endif /* _GEN_WINBASE_H */
