# Independent Hodgkin-Huxley 1952 reference for HodgkinHuxleyReferenceTest (scipy solve_ivp, Radau, rtol 1e-11).
import numpy as np, scipy
from scipy.integrate import solve_ivp
from scipy.optimize import brentq
F=96485.33212; R=8.314462618
def run(Tc, amp, t0=5.0, dur=0.5, tend=30.0):
    vT = R*(273.15+Tc)/F*1e3
    ENa = vT*np.log(398.75/50.0); EK = vT*np.log(16.345/400.0); EL=-54.387
    phi = 3.0**((Tc-6.3)/10.0)
    def ex(u): return u/(-np.expm1(-u)) if abs(u)>1e-8 else 1.0+u/2
    am=lambda V: ex((V+40)/10); bm=lambda V: 4*np.exp(-(V+65)/18)
    ah=lambda V: 0.07*np.exp(-(V+65)/20); bh=lambda V: 1/(1+np.exp(-(V+35)/10))
    an=lambda V: 0.1*ex((V+55)/10); bn=lambda V: 0.125*np.exp(-(V+65)/80)
    def f(t,y,I):
        V,m,h,n=y
        INa=120*m**3*h*(V-ENa); IK=36*n**4*(V-EK); IL=0.3*(V-EL)
        return [(-(INa+IK+IL)+I)/1.0, phi*(am(V)*(1-m)-bm(V)*m), phi*(ah(V)*(1-h)-bh(V)*h), phi*(an(V)*(1-n)-bn(V)*n)]
    V0=-65.0; y=[V0, am(V0)/(am(V0)+bm(V0)), ah(V0)/(ah(V0)+bh(V0)), an(V0)/(an(V0)+bn(V0))]
    sols=[]
    for (a,b,I) in [(0,t0,0.0),(t0,t0+dur,amp),(t0+dur,tend,0.0)]:
        s=solve_ivp(f,(a,b),y,args=(I,),method='Radau',rtol=1e-11,atol=1e-12,dense_output=True)
        sols.append(s); y=s.y[:,-1]
    s=sols[2]; ts=np.linspace(t0+dur,tend,200001); V=s.sol(ts)[0]
    i=np.argmax(V)
    # refine the peak: dV/dt = 0
    g=lambda t: f(t,s.sol(t),0.0)[0]
    tp=brentq(g, ts[max(i-1,0)], ts[min(i+1,len(ts)-1)], xtol=1e-13)
    Vp=s.sol(tp)[0]
    # upward 0 mV crossing (in the pulse or after it)
    tc=None
    for ss in sols[1:]:
        tt=np.linspace(ss.t[0],ss.t[-1],100001); vv=ss.sol(tt)[0]
        k=np.where((vv[:-1]<0)&(vv[1:]>=0))[0]
        if len(k): tc=brentq(lambda t: ss.sol(t)[0], tt[k[0]], tt[k[0]+1], xtol=1e-13); break
    return tp, Vp, tc
print("# Hodgkin-Huxley 1952 patch (docs/physics.md section 5; gNa 120, gK 36, gL 0.3 mS/cm^2, E_L -54.387 mV,")
print("# E_Na and E_K from Na 50/398.75 mM and K 400/16.345 mM at the temperature, C 1 uF/cm^2, V0 -65 mV,")
print("# gates at steady state), one pulse from 5 ms for 0.5 ms; solved independently with scipy %s" % scipy.__version__)
print("# solve_ivp(Radau, rtol=1e-11, atol=1e-12) by src/test/resources/reference/hh_ref.py.")
print("temperature_degC,amplitude_uA_cm2,peak_time_ms,peak_mV,crossing_time_ms")
for Tc,amp in [(6.3,20.0),(18.5,40.0)]:
    tp,Vp,tc=run(Tc,amp)
    print("%r,%r,%r,%r,%r" % (Tc,amp,float(tp),float(Vp),float(tc)))
